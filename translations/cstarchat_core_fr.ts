<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CStar::ChatError</name>
    <message>
        <source>This was not accepted. Please check what you entered.</source>
        <translation>Ceci n’a pas été accepté. Veuillez vérifier votre saisie.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Votre session a expiré. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Please sign in to continue.</source>
        <translation>Veuillez vous connecter pour continuer.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Vous n’êtes pas autorisé à effectuer cette action.</translation>
    </message>
    <message>
        <source>This could not be found. It may have been removed.</source>
        <translation>Introuvable. L’élément a peut-être été supprimé.</translation>
    </message>
    <message>
        <source>Something changed in the meantime. Please try again.</source>
        <translation>Quelque chose a changé entre-temps. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>Trop de requêtes. Veuillez patienter un instant puis réessayer.</translation>
    </message>
    <message>
        <source>The support service has a problem. Please try again later.</source>
        <translation>Le service d’assistance rencontre un problème. Veuillez réessayer plus tard.</translation>
    </message>
    <message>
        <source>Could not reach the support service. Check your connection.</source>
        <translation>Impossible de joindre le service d’assistance. Vérifiez votre connexion.</translation>
    </message>
    <message>
        <source>The support service did not answer in time. Please try again.</source>
        <translation>Le service d’assistance n’a pas répondu à temps. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>The support service sent an answer this app cannot read.</source>
        <translation>Le service d’assistance a envoyé une réponse que cette application ne peut pas lire.</translation>
    </message>
</context>
<context>
    <name>CStar::ChatText</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 est en train d’écrire…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 et %2 sont en train d’écrire…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Plusieurs personnes sont en train d’écrire…</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>Indicateur de saisie</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>Mises à jour en direct indisponibles — vérification toutes les %n&#xa0;s</numerusform>
            <numerusform>Mises à jour en direct indisponibles — vérification toutes les %n&#xa0;s</numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message numerus="yes">
        <source>Polling every %n s</source>
        <translation>
            <numerusform>Interrogation toutes les %n&#xa0;s</numerusform>
            <numerusform>Interrogation toutes les %n&#xa0;s</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non envoyé</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Nouveaux messages</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n non lu</numerusform>
            <numerusform>%n non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>[image: %1]</source>
        <translation>[image&#xa0;: %1]</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Écrire un message…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Entrée envoie, Maj+Entrée passe à la ligne</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>Démarrer une nouvelle conversation</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Nouvelle conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>Se connecter pour voir toutes les conversations</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>Connectez-vous pour voir toutes vos conversations.</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>Vous discutez en tant qu’invité. Une fois connecté, vous verrez aussi les conversations commencées ailleurs.</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>Aucune conversation pour l’instant. Démarrez-en une avec «&#xa0;Nouvelle conversation&#xa0;».</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>Retour aux conversations</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>Objet (facultatif)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>Nouveaux messages ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>Aller aux nouveaux messages</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Réessayer l’envoi</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>Supprimer ce message</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Joindre un fichier</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>Joindre un fichier (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>Attach a screenshot of this window</source>
        <translation>Joindre une capture de cette fenêtre</translation>
    </message>
    <message>
        <source>Attach files or a screenshot</source>
        <translation>Joindre des fichiers ou une capture</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Drop files here to attach them</source>
        <translation>Déposez des fichiers ici pour les joindre</translation>
    </message>
    <message>
        <source>Attach this screenshot?</source>
        <translation>Joindre cette capture d’écran ?</translation>
    </message>
    <message>
        <source>Drag to keep only part of the window.</source>
        <translation>Faites glisser pour ne garder qu’une partie de la fenêtre.</translation>
    </message>
    <message>
        <source>Attach</source>
        <comment>screenshot</comment>
        <extracomment>Confirms attaching the reviewed screenshot.</extracomment>
        <translation>Joindre</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>Fenêtre entière</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Ouvrir l’image</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Annuler l’envoi</translation>
    </message>
    <message>
        <source>Image unavailable</source>
        <translation>Image indisponible</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n caractère</numerusform>
            <numerusform>%n caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>Image %1, %2</source>
        <translation>Image %1, %2</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>Fichier %1, %2</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <source>Save %1…</source>
        <translation>Enregistrer %1…</translation>
    </message>
    <message>
        <source>Uploading… %1 %</source>
        <translation>Envoi… %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n pièce jointe</numerusform>
            <numerusform>%n pièces jointes</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is larger than 10 MB.</source>
        <translation>« %1 » dépasse 10 Mo.</translation>
    </message>
    <message>
        <source>“%1” cannot be sent: only images, PDF, text, CSV, JSON and zip files can.</source>
        <translation>Impossible d’envoyer « %1 » : seuls les images et les fichiers PDF, texte, CSV, JSON et zip sont acceptés.</translation>
    </message>
    <message>
        <source>“%1” is not what its name says it is.</source>
        <translation>« %1 » n’est pas ce que son nom indique.</translation>
    </message>
    <message>
        <source>“%1” is too large an image (at most 10,000 × 10,000 pixels).</source>
        <translation>« %1 » est une image trop grande (10 000 × 10 000 pixels au maximum).</translation>
    </message>
    <message>
        <source>At most 10 files can be sent in one message.</source>
        <translation>Un message peut contenir 10 fichiers au maximum.</translation>
    </message>
    <message>
        <source>“%1” could not be read.</source>
        <translation>Impossible de lire « %1 ».</translation>
    </message>
    <message>
        <source>“%1” is a folder: only files can be attached.</source>
        <translation>« %1 » est un dossier : seuls des fichiers peuvent être joints.</translation>
    </message>
    <message>
        <source>“%1” is not on this computer: save it first, then attach it.</source>
        <translation>« %1 » n’est pas sur cet ordinateur : enregistrez-le d’abord, puis joignez-le.</translation>
    </message>
</context>
<context>
    <name>CStar::ConversationController</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>Dites-nous ce dont vous avez besoin. Nous répondons généralement en quelques minutes.</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>Sélectionnez une conversation ou démarrez-en une nouvelle.</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Aucun message pour l’instant.</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>Impossible de démarrer la conversation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>Impossible de charger cette conversation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CStar::Ticket</name>
    <message>
        <source>New</source>
        <comment>ticket status</comment>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>ticket status</comment>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>ticket status</comment>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>ticket status</comment>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>ticket status</comment>
        <translation>Clos</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>ticket priority</comment>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>ticket priority</comment>
        <translation>Normale</translation>
    </message>
    <message>
        <source>High</source>
        <comment>ticket priority</comment>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Urgent</source>
        <comment>ticket priority</comment>
        <translation>Urgente</translation>
    </message>
</context>
<context>
    <name>CStar::TimeFormat</name>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>il y a %n heure</numerusform>
            <numerusform>il y a %n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
</context>
</TS>

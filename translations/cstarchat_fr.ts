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
    <name>CStar::ChatFormat</name>
    <message>
        <source>[image: %1]</source>
        <translation>[image&#xa0;: %1]</translation>
    </message>
</context>
<context>
    <name>CStar::ChatPanel</name>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>Impossible de charger cette conversation&#xa0;: %1</translation>
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
        <source>Typing indicator</source>
        <translation>Indicateur de saisie</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>Aucune conversation pour l’instant. Démarrez-en une avec «&#xa0;Nouvelle conversation&#xa0;».</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>Connectez-vous pour voir toutes vos conversations.</translation>
    </message>
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
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>Vous discutez en tant qu’invité. Une fois connecté, vous verrez aussi les conversations commencées ailleurs.</translation>
    </message>
</context>
<context>
    <name>CStar::Composer</name>
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
</context>
<context>
    <name>CStar::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>État de la connexion</translation>
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
</context>
<context>
    <name>CStar::Demo::AgentConsole</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 est en train d’écrire…</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>Le client</translation>
    </message>
    <message>
        <source>cStar demo — Agent console</source>
        <translation>Démo cStar — Console de l’agent</translation>
    </message>
    <message>
        <source>All tickets of the team</source>
        <translation>Tous les tickets de l’équipe</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Reply as:</source>
        <translation>Répondre en tant que&#xa0;:</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Nom de l’agent</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priorité&#xa0;:</translation>
    </message>
    <message>
        <source>Ticket status</source>
        <translation>Statut du ticket</translation>
    </message>
    <message>
        <source>Ticket priority</source>
        <translation>Priorité du ticket</translation>
    </message>
    <message>
        <source>Select a ticket</source>
        <translation>Sélectionnez un ticket</translation>
    </message>
    <message>
        <source>[internal note] %1</source>
        <translation>[note interne] %1</translation>
    </message>
    <message>
        <source>Select a ticket to reply to.</source>
        <translation>Sélectionnez un ticket pour y répondre.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::CustomerWindow</name>
    <message>
        <source>cStar demo — Customer</source>
        <translation>Démo cStar — Client</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>Mises à jour en direct</translation>
    </message>
    <message numerus="yes">
        <source>On: server-sent events. Off: poll every %n s.</source>
        <translation>
            <numerusform>Activé&#xa0;: événements envoyés par le serveur. Désactivé&#xa0;: interrogation toutes les %n&#xa0;s.</numerusform>
            <numerusform>Activé&#xa0;: événements envoyés par le serveur. Désactivé&#xa0;: interrogation toutes les %n&#xa0;s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Simulate network loss</source>
        <translation>Simuler une coupure réseau</translation>
    </message>
    <message>
        <source>The server drops every stream and refuses connections for 8 s</source>
        <translation>Le serveur coupe tous les flux et refuse les connexions pendant 8&#xa0;s</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Sign in as a known customer</source>
        <translation>Se connecter en tant que client connu</translation>
    </message>
    <message>
        <source>Your backend signs the customer with the chat secret; the app only sees the signature</source>
        <translation>Votre backend signe le client avec le secret du chat&#xa0;; l’application ne voit que la signature</translation>
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
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Anonymous visitor</source>
        <translation>Visiteur anonyme</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Échec de la connexion&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Network loss simulated for %n s</source>
        <translation>
            <numerusform>Coupure réseau simulée pendant %n&#xa0;s</numerusform>
            <numerusform>Coupure réseau simulée pendant %n&#xa0;s</numerusform>
        </translation>
    </message>
    <message>
        <source>New reply from %1</source>
        <translation>Nouvelle réponse de %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::DemoApp</name>
    <message>
        <source>Can&apos;t sign in to my account</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s ticket title.</extracomment>
        <translation>Impossible de me connecter à mon compte</translation>
    </message>
    <message>
        <source>Hi! I reset my password but the app still says it&apos;s wrong.</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s first message.</extracomment>
        <translation>Bonjour&#xa0;! J’ai réinitialisé mon mot de passe, mais l’application dit toujours qu’il est incorrect.</translation>
    </message>
    <message>
        <source>Sorry about that! Which email address do you sign in with?</source>
        <extracomment>Sample conversation of --screenshot: the agent&apos;s first reply.</extracomment>
        <translation>Désolée pour ce souci&#xa0;! Avec quelle adresse e-mail vous connectez-vous&#xa0;?</translation>
    </message>
    <message>
        <source>%1 — thanks for the quick answer</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s answer; %1 is an e-mail address.</extracomment>
        <translation>%1 — merci pour la réponse rapide</translation>
    </message>
    <message>
        <source>Thanks, Jane! I&apos;ve sent you a new **reset link**. It&apos;s valid for 30 minutes.</source>
        <extracomment>Sample conversation of --screenshot: the agent&apos;s second reply, Markdown (keep the ** around the link&apos;s name).</extracomment>
        <translation>Merci, Jane&#xa0;! Je vous ai envoyé un nouveau **lien de réinitialisation**. Il est valable 30&#xa0;minutes.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::Main</name>
    <message>
        <source>The cStar Chat for Qt demo: a customer window (the SDK&apos;s ChatPanel) and an agent console, against an embedded local chat server unless --server points elsewhere.</source>
        <translation>La démo de cStar Chat pour Qt&#xa0;: une fenêtre client (le ChatPanel du SDK) et une console d’agent, reliées à un serveur de chat local intégré, sauf si --server en désigne un autre.</translation>
    </message>
    <message>
        <source>Use the cStar deployment at URL instead of the embedded server.</source>
        <translation>Utiliser le déploiement cStar à l’adresse URL au lieu du serveur intégré.</translation>
    </message>
    <message>
        <source>Team slug (default: acme).</source>
        <translation>Identifiant de l’équipe (par défaut&#xa0;: acme).</translation>
    </message>
    <message>
        <source>Database of the embedded server (default: in the user&apos;s data dir).</source>
        <translation>Base de données du serveur intégré (par défaut&#xa0;: dans le dossier de données de l’utilisateur).</translation>
    </message>
    <message>
        <source>Show the QML ChatView instead of the widget panel.</source>
        <translation>Afficher la ChatView QML au lieu du panneau de widgets.</translation>
    </message>
    <message>
        <source>Start with realtime off (polling).</source>
        <translation>Démarrer sans le temps réel (interrogation périodique).</translation>
    </message>
    <message>
        <source>Seed a short conversation, render both windows side by side into PATH (PNG) and exit.</source>
        <translation>Créer une courte conversation, enregistrer les deux fenêtres côte à côte dans PATH (PNG), puis quitter.</translation>
    </message>
    <message>
        <source>Show the user interface in LANG: en, de, fr, es, ja or ar (default: the system&apos;s language). The Language menu switches at runtime.</source>
        <translation>Afficher l’interface dans la langue LANG&#xa0;: en, de, fr, es, ja ou ar (par défaut&#xa0;: la langue du système). Le menu «&#xa0;Langue&#xa0;» en change en cours d’exécution.</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;; available: %2</source>
        <translation>langue inconnue «&#xa0;%1&#xa0;»&#xa0;; disponibles&#xa0;: %2</translation>
    </message>
    <message>
        <source>Secret agent key for the agent console (without --server: the key the embedded server accepts).</source>
        <translation>Clé secrète d’agent pour la console agent (sans --server : la clé qu’accepte le serveur intégré).</translation>
    </message>
    <message>
        <source>The team&apos;s chat secret, held by the demo&apos;s &quot;your backend&quot; to sign customers (without --server: the embedded server&apos;s secret).</source>
        <translation>Le secret de chat de l’équipe, détenu par « votre backend » de la démo pour signer les clients (sans --server : le secret du serveur intégré).</translation>
    </message>
</context>
<context>
    <name>CStar::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Nouveaux messages</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non envoyé</translation>
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
    <name>CStar::TicketDelegate</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n non lu</numerusform>
            <numerusform>%n non lus</numerusform>
        </translation>
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
<context>
    <name>ChatView</name>
    <message>
        <source>Support chat</source>
        <translation>Chat d’assistance</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>Impossible de démarrer la conversation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Back →</source>
        <translation>Retour →</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Retour</translation>
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
        <source>Could not load this conversation: %1</source>
        <translation>Impossible de charger cette conversation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
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
</context>
<context>
    <name>ConnectionBanner</name>
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
        <source>Connection status</source>
        <translation>État de la connexion</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
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
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
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
        <source>Retry sending</source>
        <translation>Réessayer l’envoi</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>Supprimer ce message</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
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
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
</context>
<context>
    <name>TicketDelegate</name>
    <message numerus="yes">
        <source>%1, %2, %n unread</source>
        <translation>
            <numerusform>%1, %2, %n non lu</numerusform>
            <numerusform>%1, %2, %n non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n non lu</numerusform>
            <numerusform>%n non lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketList</name>
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
        <source>Sign in to see all your conversations.</source>
        <translation>Connectez-vous pour voir toutes vos conversations.</translation>
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
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>Aucune conversation pour l’instant. Démarrez-en une avec «&#xa0;Nouvelle conversation&#xa0;».</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>Vous discutez en tant qu’invité. Une fois connecté, vous verrez aussi les conversations commencées ailleurs.</translation>
    </message>
</context>
<context>
    <name>TypingIndicator</name>
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
</context>
</TS>

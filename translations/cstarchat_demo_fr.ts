<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CStar::Demo::AgentApi</name>
    <message>
        <source>“%1” is larger than 10 MB or cannot be read.</source>
        <translation>« %1 » dépasse 10 Mo ou ne peut pas être lu.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::AgentConsole</name>
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
        <source>Language</source>
        <translation>Langue</translation>
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
        <source>Secret agent key for the agent console (without --server: the key the embedded server accepts).</source>
        <translation>Clé secrète d’agent pour la console agent (sans --server : la clé qu’accepte le serveur intégré).</translation>
    </message>
    <message>
        <source>The team&apos;s chat secret, held by the demo&apos;s &quot;your backend&quot; to sign customers (without --server: the embedded server&apos;s secret).</source>
        <translation>Le secret de chat de l’équipe, détenu par « votre backend » de la démo pour signer les clients (sans --server : le secret du serveur intégré).</translation>
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
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CStar::Demo::AgentApi</name>
    <message>
        <source>“%1” is larger than 10 MB or cannot be read.</source>
        <translation>„%1“ ist größer als 10 MB oder kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::AgentConsole</name>
    <message>
        <source>The customer</source>
        <translation>Der Kunde</translation>
    </message>
    <message>
        <source>cStar demo — Agent console</source>
        <translation>cStar-Demo – Agentenkonsole</translation>
    </message>
    <message>
        <source>All tickets of the team</source>
        <translation>Alle Tickets des Teams</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Reply as:</source>
        <translation>Antworten als:</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Name des Agenten</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priorität:</translation>
    </message>
    <message>
        <source>Ticket status</source>
        <translation>Ticketstatus</translation>
    </message>
    <message>
        <source>Ticket priority</source>
        <translation>Ticketpriorität</translation>
    </message>
    <message>
        <source>Select a ticket</source>
        <translation>Wählen Sie ein Ticket aus</translation>
    </message>
    <message>
        <source>[internal note] %1</source>
        <translation>[interne Notiz] %1</translation>
    </message>
    <message>
        <source>Select a ticket to reply to.</source>
        <translation>Wählen Sie ein Ticket aus, um zu antworten.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::CustomerWindow</name>
    <message>
        <source>cStar demo — Customer</source>
        <translation>cStar-Demo – Kunde</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>Live-Aktualisierung</translation>
    </message>
    <message numerus="yes">
        <source>On: server-sent events. Off: poll every %n s.</source>
        <translation>
            <numerusform>An: Server-Sent Events. Aus: Abfrage alle %n s.</numerusform>
            <numerusform>An: Server-Sent Events. Aus: Abfrage alle %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Simulate network loss</source>
        <translation>Netzwerkausfall simulieren</translation>
    </message>
    <message>
        <source>The server drops every stream and refuses connections for 8 s</source>
        <translation>Der Server beendet alle Streams und lehnt 8 s lang Verbindungen ab</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign in as a known customer</source>
        <translation>Als bekannter Kunde anmelden</translation>
    </message>
    <message>
        <source>Your backend signs the customer with the chat secret; the app only sees the signature</source>
        <translation>Ihr Backend signiert den Kunden mit dem Chat-Secret; die App sieht nur die Signatur</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Anonymous visitor</source>
        <translation>Anonymer Besucher</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Network loss simulated for %n s</source>
        <translation>
            <numerusform>Netzwerkausfall für %n s simuliert</numerusform>
            <numerusform>Netzwerkausfall für %n s simuliert</numerusform>
        </translation>
    </message>
    <message>
        <source>New reply from %1</source>
        <translation>Neue Antwort von %1</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::DemoApp</name>
    <message>
        <source>Can&apos;t sign in to my account</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s ticket title.</extracomment>
        <translation>Ich kann mich nicht bei meinem Konto anmelden</translation>
    </message>
    <message>
        <source>Hi! I reset my password but the app still says it&apos;s wrong.</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s first message.</extracomment>
        <translation>Hallo! Ich habe mein Passwort zurückgesetzt, aber die App sagt immer noch, dass es falsch ist.</translation>
    </message>
    <message>
        <source>Sorry about that! Which email address do you sign in with?</source>
        <extracomment>Sample conversation of --screenshot: the agent&apos;s first reply.</extracomment>
        <translation>Das tut mir leid! Mit welcher E-Mail-Adresse melden Sie sich an?</translation>
    </message>
    <message>
        <source>%1 — thanks for the quick answer</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s answer; %1 is an e-mail address.</extracomment>
        <translation>%1 – danke für die schnelle Antwort</translation>
    </message>
    <message>
        <source>Thanks, Jane! I&apos;ve sent you a new **reset link**. It&apos;s valid for 30 minutes.</source>
        <extracomment>Sample conversation of --screenshot: the agent&apos;s second reply, Markdown (keep the ** around the link&apos;s name).</extracomment>
        <translation>Danke, Jane! Ich habe Ihnen einen neuen **Link zum Zurücksetzen** geschickt. Er ist 30 Minuten lang gültig.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::Main</name>
    <message>
        <source>The cStar Chat for Qt demo: a customer window (the SDK&apos;s ChatPanel) and an agent console, against an embedded local chat server unless --server points elsewhere.</source>
        <translation>Die Demo von cStar Chat für Qt: ein Kundenfenster (das ChatPanel des SDK) und eine Agentenkonsole, verbunden mit einem eingebetteten lokalen Chatserver, sofern --server nicht auf einen anderen verweist.</translation>
    </message>
    <message>
        <source>Use the cStar deployment at URL instead of the embedded server.</source>
        <translation>Die cStar-Instanz unter URL statt des eingebetteten Servers verwenden.</translation>
    </message>
    <message>
        <source>Team slug (default: acme).</source>
        <translation>Team-Kennung (Standard: acme).</translation>
    </message>
    <message>
        <source>Secret agent key for the agent console (without --server: the key the embedded server accepts).</source>
        <translation>Geheimer Agentenschlüssel für die Agentenkonsole (ohne --server: der Schlüssel, den der eingebettete Server annimmt).</translation>
    </message>
    <message>
        <source>The team&apos;s chat secret, held by the demo&apos;s &quot;your backend&quot; to sign customers (without --server: the embedded server&apos;s secret).</source>
        <translation>Das Chat-Secret des Teams, mit dem das „Ihr Backend“ der Demo Kunden signiert (ohne --server: das Secret des eingebetteten Servers).</translation>
    </message>
    <message>
        <source>Database of the embedded server (default: in the user&apos;s data dir).</source>
        <translation>Datenbank des eingebetteten Servers (Standard: im Datenverzeichnis des Benutzers).</translation>
    </message>
    <message>
        <source>Show the QML ChatView instead of the widget panel.</source>
        <translation>Die QML-ChatView statt des Widget-Panels anzeigen.</translation>
    </message>
    <message>
        <source>Start with realtime off (polling).</source>
        <translation>Ohne Echtzeit starten (regelmäßige Abfrage).</translation>
    </message>
    <message>
        <source>Seed a short conversation, render both windows side by side into PATH (PNG) and exit.</source>
        <translation>Eine kurze Unterhaltung anlegen, beide Fenster nebeneinander als PNG nach PATH rendern und beenden.</translation>
    </message>
    <message>
        <source>Show the user interface in LANG: en, de, fr, es, ja or ar (default: the system&apos;s language). The Language menu switches at runtime.</source>
        <translation>Die Benutzeroberfläche in LANG anzeigen: en, de, fr, es, ja oder ar (Standard: die Systemsprache). Das Menü „Sprache“ wechselt zur Laufzeit.</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;; available: %2</source>
        <translation>unbekannte Sprache „%1“; verfügbar: %2</translation>
    </message>
</context>
</TS>

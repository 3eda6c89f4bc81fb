<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CStar::ChatError</name>
    <message>
        <source>This was not accepted. Please check what you entered.</source>
        <translation>Das wurde nicht angenommen. Bitte prüfen Sie Ihre Eingabe.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Please sign in to continue.</source>
        <translation>Bitte melden Sie sich an, um fortzufahren.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dafür fehlt Ihnen die Berechtigung.</translation>
    </message>
    <message>
        <source>This could not be found. It may have been removed.</source>
        <translation>Das wurde nicht gefunden. Möglicherweise wurde es entfernt.</translation>
    </message>
    <message>
        <source>Something changed in the meantime. Please try again.</source>
        <translation>In der Zwischenzeit hat sich etwas geändert. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The support service has a problem. Please try again later.</source>
        <translation>Beim Support-Dienst ist ein Problem aufgetreten. Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Could not reach the support service. Check your connection.</source>
        <translation>Der Support-Dienst ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.</translation>
    </message>
    <message>
        <source>The support service did not answer in time. Please try again.</source>
        <translation>Der Support-Dienst hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The support service sent an answer this app cannot read.</source>
        <translation>Der Support-Dienst hat eine Antwort gesendet, die diese App nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>CStar::ChatFormat</name>
    <message>
        <source>[image: %1]</source>
        <translation>[Bild: %1]</translation>
    </message>
</context>
<context>
    <name>CStar::ChatPanel</name>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>Diese Unterhaltung konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>Eine neue Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Neue Unterhaltung (Strg+N)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>Anmelden, um alle Unterhaltungen zu sehen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>Zurück zu den Unterhaltungen</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>Betreff (optional)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>Neue Nachrichten ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>Zu den neuen Nachrichten springen</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>Tippanzeige</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>Noch keine Unterhaltungen. Beginnen Sie eine mit „Neue Unterhaltung“.</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>Melden Sie sich an, um alle Ihre Unterhaltungen zu sehen.</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt …</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben …</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben …</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>Sagen Sie uns, wobei wir Ihnen helfen können. Wir antworten meist innerhalb weniger Minuten.</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>Wählen Sie eine Unterhaltung aus oder beginnen Sie eine neue.</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Noch keine Nachrichten.</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>Die Unterhaltung konnte nicht begonnen werden: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>Sie schreiben als Gast. Nach der Anmeldung sehen Sie auch die Unterhaltungen, die Sie anderswo begonnen haben.</translation>
    </message>
</context>
<context>
    <name>CStar::Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben …</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Eingabetaste sendet, Umschalt+Eingabetaste beginnt eine neue Zeile</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabetaste)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n Zeichen</numerusform>
            <numerusform>%n Zeichen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden …</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>Live-Aktualisierung nicht verfügbar – Abfrage alle %n s</numerusform>
            <numerusform>Live-Aktualisierung nicht verfügbar – Abfrage alle %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::Demo::AgentConsole</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt …</translation>
    </message>
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
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message numerus="yes">
        <source>Polling every %n s</source>
        <translation>
            <numerusform>Abfrage alle %n s</numerusform>
            <numerusform>Abfrage alle %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden …</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
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
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
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
    <message>
        <source>Secret agent key for the agent console (without --server: the key the embedded server accepts).</source>
        <translation>Geheimer Agentenschlüssel für die Agentenkonsole (ohne --server: der Schlüssel, den der eingebettete Server annimmt).</translation>
    </message>
    <message>
        <source>The team&apos;s chat secret, held by the demo&apos;s &quot;your backend&quot; to sign customers (without --server: the embedded server&apos;s secret).</source>
        <translation>Das Chat-Secret des Teams, mit dem das „Ihr Backend“ der Demo Kunden signiert (ohne --server: das Secret des eingebetteten Servers).</translation>
    </message>
</context>
<context>
    <name>CStar::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
</context>
<context>
    <name>CStar::Ticket</name>
    <message>
        <source>New</source>
        <comment>ticket status</comment>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>ticket status</comment>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>ticket status</comment>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>ticket status</comment>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>ticket status</comment>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>ticket priority</comment>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>ticket priority</comment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <comment>ticket priority</comment>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <comment>ticket priority</comment>
        <translation>Dringend</translation>
    </message>
</context>
<context>
    <name>CStar::TicketDelegate</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::TimeFormat</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Support chat</source>
        <translation>Support-Chat</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>Die Unterhaltung konnte nicht begonnen werden: %1</translation>
    </message>
    <message>
        <source>Back →</source>
        <translation>Zurück →</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>Zurück zu den Unterhaltungen</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>Betreff (optional)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>Sagen Sie uns, wobei wir Ihnen helfen können. Wir antworten meist innerhalb weniger Minuten.</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>Wählen Sie eine Unterhaltung aus oder beginnen Sie eine neue.</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Noch keine Nachrichten.</translation>
    </message>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>Diese Unterhaltung konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben …</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Eingabetaste sendet, Umschalt+Eingabetaste beginnt eine neue Zeile</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n Zeichen</numerusform>
            <numerusform>%n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabetaste)</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden …</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>Live-Aktualisierung nicht verfügbar – Abfrage alle %n s</numerusform>
            <numerusform>Live-Aktualisierung nicht verfügbar – Abfrage alle %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Senden erneut versuchen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>Diese Nachricht verwerfen</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>Neue Nachrichten ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>Zu den neuen Nachrichten springen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
</context>
<context>
    <name>TicketDelegate</name>
    <message numerus="yes">
        <source>%1, %2, %n unread</source>
        <translation>
            <numerusform>%1, %2, %n ungelesen</numerusform>
            <numerusform>%1, %2, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketList</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>Eine neue Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Neue Unterhaltung (Strg+N)</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>Melden Sie sich an, um alle Ihre Unterhaltungen zu sehen.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>Anmelden, um alle Unterhaltungen zu sehen</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>Noch keine Unterhaltungen. Beginnen Sie eine mit „Neue Unterhaltung“.</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>Sie schreiben als Gast. Nach der Anmeldung sehen Sie auch die Unterhaltungen, die Sie anderswo begonnen haben.</translation>
    </message>
</context>
<context>
    <name>TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt …</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben …</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben …</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>Tippanzeige</translation>
    </message>
</context>
</TS>

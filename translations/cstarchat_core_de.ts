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
    <name>CStar::ChatText</name>
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
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
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
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
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
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>[image: %1]</source>
        <translation>[Bild: %1]</translation>
    </message>
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
        <source>Sign in to see all your conversations.</source>
        <translation>Melden Sie sich an, um alle Ihre Unterhaltungen zu sehen.</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>Sie schreiben als Gast. Nach der Anmeldung sehen Sie auch die Unterhaltungen, die Sie anderswo begonnen haben.</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>Noch keine Unterhaltungen. Beginnen Sie eine mit „Neue Unterhaltung“.</translation>
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
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Senden erneut versuchen</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>Diese Nachricht verwerfen</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>Datei anhängen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Attach a screenshot of this window</source>
        <translation>Bildschirmfoto dieses Fensters anhängen</translation>
    </message>
    <message>
        <source>Attach files or a screenshot</source>
        <translation>Dateien oder Bildschirmfoto anhängen</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Drop files here to attach them</source>
        <translation>Dateien hier ablegen, um sie anzuhängen</translation>
    </message>
    <message>
        <source>Attach this screenshot?</source>
        <translation>Dieses Bildschirmfoto anhängen?</translation>
    </message>
    <message>
        <source>Drag to keep only part of the window.</source>
        <translation>Ziehen Sie, um nur einen Teil des Fensters zu behalten.</translation>
    </message>
    <message>
        <source>Attach</source>
        <comment>screenshot</comment>
        <extracomment>Confirms attaching the reviewed screenshot.</extracomment>
        <translation>Anhängen</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>Ganzes Fenster</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Hochladen abbrechen</translation>
    </message>
    <message>
        <source>Image unavailable</source>
        <translation>Bild nicht verfügbar</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
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
        <source>Image %1, %2</source>
        <translation>Bild %1, %2</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>Datei %1, %2</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Save %1…</source>
        <translation>%1 speichern …</translation>
    </message>
    <message>
        <source>Uploading… %1 %</source>
        <translation>Wird hochgeladen … %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n Anhang</numerusform>
            <numerusform>%n Anhänge</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is larger than 10 MB.</source>
        <translation>„%1“ ist größer als 10 MB.</translation>
    </message>
    <message>
        <source>“%1” cannot be sent: only images, PDF, text, CSV, JSON and zip files can.</source>
        <translation>„%1“ kann nicht gesendet werden: Nur Bilder sowie PDF-, Text-, CSV-, JSON- und ZIP-Dateien sind möglich.</translation>
    </message>
    <message>
        <source>“%1” is not what its name says it is.</source>
        <translation>„%1“ ist nicht, was sein Name angibt.</translation>
    </message>
    <message>
        <source>“%1” is too large an image (at most 10,000 × 10,000 pixels).</source>
        <translation>„%1“ ist ein zu großes Bild (höchstens 10.000 × 10.000 Pixel).</translation>
    </message>
    <message>
        <source>At most 10 files can be sent in one message.</source>
        <translation>Eine Nachricht kann höchstens 10 Dateien enthalten.</translation>
    </message>
    <message>
        <source>“%1” could not be read.</source>
        <translation>„%1“ konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>“%1” is a folder: only files can be attached.</source>
        <translation>„%1“ ist ein Ordner: Nur Dateien können angehängt werden.</translation>
    </message>
    <message>
        <source>“%1” is not on this computer: save it first, then attach it.</source>
        <translation>„%1“ ist nicht auf diesem Computer: Speichern Sie die Datei zuerst, dann hängen Sie sie an.</translation>
    </message>
</context>
<context>
    <name>CStar::ConversationController</name>
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
        <source>Could not load this conversation: %1</source>
        <translation>Diese Unterhaltung konnte nicht geladen werden: %1</translation>
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
</TS>

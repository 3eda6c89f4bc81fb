<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ChatView</name>
    <message>
        <source>Support chat</source>
        <translation>Chat d’assistance</translation>
    </message>
    <message>
        <source>Back →</source>
        <translation>Retour →</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Retour</translation>
    </message>
</context>
</TS>

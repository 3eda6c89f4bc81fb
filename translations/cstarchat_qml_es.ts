<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ChatView</name>
    <message>
        <source>Support chat</source>
        <translation>Chat de soporte</translation>
    </message>
    <message>
        <source>Back →</source>
        <translation>Atrás →</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Atrás</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>ChatView</name>
    <message>
        <source>Support chat</source>
        <translation>دردشة الدعم</translation>
    </message>
    <message>
        <source>Back →</source>
        <translation>→ رجوع</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← رجوع</translation>
    </message>
</context>
</TS>

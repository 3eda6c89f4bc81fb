<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ChatView</name>
    <message>
        <source>Support chat</source>
        <translation>サポートチャット</translation>
    </message>
    <message>
        <source>Back →</source>
        <translation>戻る →</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 戻る</translation>
    </message>
</context>
</TS>

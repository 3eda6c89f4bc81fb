<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CStar::Demo::CustomerWindow</name>
    <message numerus="yes">
        <source>On: server-sent events. Off: poll every %n s.</source>
        <translation>
            <numerusform>On: server-sent events. Off: poll every %n s.</numerusform>
            <numerusform>On: server-sent events. Off: poll every %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Network loss simulated for %n s</source>
        <translation>
            <numerusform>Network loss simulated for %n s</numerusform>
            <numerusform>Network loss simulated for %n s</numerusform>
        </translation>
    </message>
</context>
</TS>

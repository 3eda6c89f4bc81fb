<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>CStar::ChatError</name>
    <message>
        <source>This was not accepted. Please check what you entered.</source>
        <translation>受け付けられませんでした。入力内容をご確認ください。</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>セッションの有効期限が切れました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>Please sign in to continue.</source>
        <translation>続けるにはサインインしてください。</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>この操作を行う権限がありません。</translation>
    </message>
    <message>
        <source>This could not be found. It may have been removed.</source>
        <translation>見つかりませんでした。削除された可能性があります。</translation>
    </message>
    <message>
        <source>Something changed in the meantime. Please try again.</source>
        <translation>その間に内容が変更されました。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>リクエストが多すぎます。しばらく待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The support service has a problem. Please try again later.</source>
        <translation>サポートサービスで問題が発生しています。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Could not reach the support service. Check your connection.</source>
        <translation>サポートサービスに接続できませんでした。接続を確認してください。</translation>
    </message>
    <message>
        <source>The support service did not answer in time. Please try again.</source>
        <translation>サポートサービスから時間内に応答がありませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The support service sent an answer this app cannot read.</source>
        <translation>サポートサービスから、このアプリでは読み取れない応答が返されました。</translation>
    </message>
</context>
<context>
    <name>CStar::ChatText</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 さんが入力中…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 さんと %2 さんが入力中…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>複数の人が入力中…</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>入力中インジケーター</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>再接続中…</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>リアルタイム更新を利用できません — %n 秒ごとに確認しています</numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation>リアルタイム</translation>
    </message>
    <message numerus="yes">
        <source>Polling every %n s</source>
        <translation>
            <numerusform>%n 秒ごとにポーリング中</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>接続状態</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>新着メッセージ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>未読 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>[image: %1]</source>
        <translation>[画像: %1]</translation>
    </message>
</context>
<context>
    <name>CStar::ConversationController</name>
    <message>
        <source>New conversation</source>
        <translation>新しい会話</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>お困りのことをお聞かせください。通常、数分以内にお返事します。</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>会話を選択するか、新しい会話を始めてください。</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>まだメッセージはありません。</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>会話を開始できませんでした: %1</translation>
    </message>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>この会話を読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>CStar::Ticket</name>
    <message>
        <source>New</source>
        <comment>ticket status</comment>
        <translation>新規</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>ticket status</comment>
        <translation>対応中</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>ticket status</comment>
        <translation>保留中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>ticket status</comment>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>ticket status</comment>
        <translation>終了</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>ticket priority</comment>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>ticket priority</comment>
        <translation>通常</translation>
    </message>
    <message>
        <source>High</source>
        <comment>ticket priority</comment>
        <translation>高</translation>
    </message>
    <message>
        <source>Urgent</source>
        <comment>ticket priority</comment>
        <translation>緊急</translation>
    </message>
</context>
<context>
    <name>CStar::TimeFormat</name>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
</TS>

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
    <message>
        <source>Write a message…</source>
        <translation>メッセージを入力…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter で送信、Shift+Enter で改行</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>メッセージを送信</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>送信 (Enter)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新しい会話</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>新しい会話を始める</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>新しい会話 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>サインインしてすべての会話を表示</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>サインインすると、すべての会話を表示できます。</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>ゲストとしてチャットしています。サインインすると、ほかの場所で始めた会話も表示されます。</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>まだ会話はありません。「新しい会話」から始めましょう。</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>会話一覧に戻る</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>件名（任意）</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>新着メッセージ ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>新着メッセージへ移動</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>テキストをコピー</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>送信を再試行</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>このメッセージを破棄</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>ファイルを添付 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Attach a screenshot of this window</source>
        <translation>このウィンドウのスクリーンショットを添付</translation>
    </message>
    <message>
        <source>Attach files or a screenshot</source>
        <translation>ファイルまたはスクリーンショットを添付</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>Drop files here to attach them</source>
        <translation>ここにファイルをドロップして添付</translation>
    </message>
    <message>
        <source>Attach this screenshot?</source>
        <translation>このスクリーンショットを添付しますか?</translation>
    </message>
    <message>
        <source>Drag to keep only part of the window.</source>
        <translation>ドラッグしてウィンドウの一部だけを残します。</translation>
    </message>
    <message>
        <source>Attach</source>
        <comment>screenshot</comment>
        <extracomment>Confirms attaching the reviewed screenshot.</extracomment>
        <translation>添付</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>ウィンドウ全体</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>添付ファイルを保存</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>画像を開く</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>アップロードをキャンセル</translation>
    </message>
    <message>
        <source>Image unavailable</source>
        <translation>画像を表示できません</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>ファイルの添付</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n 文字</numerusform>
        </translation>
    </message>
    <message>
        <source>Image %1, %2</source>
        <translation>画像 %1、%2</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>ファイル %1、%2</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>Save %1…</source>
        <translation>%1 を保存…</translation>
    </message>
    <message>
        <source>Uploading… %1 %</source>
        <translation>アップロード中… %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>添付ファイル %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is larger than 10 MB.</source>
        <translation>「%1」は 10 MB を超えています。</translation>
    </message>
    <message>
        <source>“%1” cannot be sent: only images, PDF, text, CSV, JSON and zip files can.</source>
        <translation>「%1」は送信できません。送信できるのは画像、PDF、テキスト、CSV、JSON、zip ファイルだけです。</translation>
    </message>
    <message>
        <source>“%1” is not what its name says it is.</source>
        <translation>「%1」の内容が名前と一致しません。</translation>
    </message>
    <message>
        <source>“%1” is too large an image (at most 10,000 × 10,000 pixels).</source>
        <translation>「%1」は画像が大きすぎます (最大 10,000 × 10,000 ピクセル)。</translation>
    </message>
    <message>
        <source>At most 10 files can be sent in one message.</source>
        <translation>1 つのメッセージで送信できるファイルは 10 個までです。</translation>
    </message>
    <message>
        <source>“%1” could not be read.</source>
        <translation>「%1」を読み込めませんでした。</translation>
    </message>
    <message>
        <source>“%1” is a folder: only files can be attached.</source>
        <translation>「%1」はフォルダーです。添付できるのはファイルだけです。</translation>
    </message>
    <message>
        <source>“%1” is not on this computer: save it first, then attach it.</source>
        <translation>「%1」はこのコンピューターにありません。保存してから添付してください。</translation>
    </message>
</context>
<context>
    <name>CStar::ConversationController</name>
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

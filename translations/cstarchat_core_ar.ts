<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>CStar::ChatError</name>
    <message>
        <source>This was not accepted. Please check what you entered.</source>
        <translation>لم يُقبل هذا. يُرجى التحقق مما أدخلته.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>انتهت صلاحية جلستك. يُرجى تسجيل الدخول مرة أخرى.</translation>
    </message>
    <message>
        <source>Please sign in to continue.</source>
        <translation>يُرجى تسجيل الدخول للمتابعة.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>ليس لديك إذن للقيام بذلك.</translation>
    </message>
    <message>
        <source>This could not be found. It may have been removed.</source>
        <translation>تعذّر العثور على هذا. ربما تمت إزالته.</translation>
    </message>
    <message>
        <source>Something changed in the meantime. Please try again.</source>
        <translation>تغيّر شيء ما في هذه الأثناء. يُرجى المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>طلبات كثيرة جدًا. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>The support service has a problem. Please try again later.</source>
        <translation>تواجه خدمة الدعم مشكلة. يُرجى المحاولة لاحقًا.</translation>
    </message>
    <message>
        <source>Could not reach the support service. Check your connection.</source>
        <translation>تعذّر الوصول إلى خدمة الدعم. تحقّق من اتصالك.</translation>
    </message>
    <message>
        <source>The support service did not answer in time. Please try again.</source>
        <translation>لم تستجب خدمة الدعم في الوقت المناسب. يُرجى المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>The support service sent an answer this app cannot read.</source>
        <translation>أرسلت خدمة الدعم ردًّا لا يستطيع هذا التطبيق قراءته.</translation>
    </message>
</context>
<context>
    <name>CStar::ChatText</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 يكتب…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 و%2 يكتبان…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>عدة أشخاص يكتبون…</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>مؤشر الكتابة</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>جارٍ إعادة الاتصال…</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثانية</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل ثانية</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل ثانيتين</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثوانٍ</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثانيةً</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثانية</numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation>مباشر</translation>
    </message>
    <message numerus="yes">
        <source>Polling every %n s</source>
        <translation>
            <numerusform>استطلاع كل %Ln ثانية</numerusform>
            <numerusform>استطلاع كل ثانية</numerusform>
            <numerusform>استطلاع كل ثانيتين</numerusform>
            <numerusform>استطلاع كل %Ln ثوانٍ</numerusform>
            <numerusform>استطلاع كل %Ln ثانيةً</numerusform>
            <numerusform>استطلاع كل %Ln ثانية</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>حالة الاتصال</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>لم يُرسَل</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>تم الإرسال</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>جارٍ الإرسال</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>لم يُرسَل</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>رسائل جديدة</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>حذف</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>لا رسائل غير مقروءة</numerusform>
            <numerusform>رسالة واحدة غير مقروءة</numerusform>
            <numerusform>رسالتان غير مقروءتين</numerusform>
            <numerusform>%Ln رسائل غير مقروءة</numerusform>
            <numerusform>%Ln رسالةً غير مقروءة</numerusform>
            <numerusform>%Ln رسالة غير مقروءة</numerusform>
        </translation>
    </message>
    <message>
        <source>[image: %1]</source>
        <translation>[صورة: %1]</translation>
    </message>
</context>
<context>
    <name>CStar::ConversationController</name>
    <message>
        <source>New conversation</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>محادثة</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>أخبرنا بما تحتاج إلى المساعدة فيه. نردّ عادةً خلال بضع دقائق.</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>اختر محادثة أو ابدأ محادثة جديدة.</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>لا توجد رسائل بعد.</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>تعذّر بدء المحادثة: %1</translation>
    </message>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>تعذّر تحميل هذه المحادثة: %1</translation>
    </message>
</context>
<context>
    <name>CStar::Ticket</name>
    <message>
        <source>New</source>
        <comment>ticket status</comment>
        <translation>جديدة</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>ticket status</comment>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>ticket status</comment>
        <translation>قيد الانتظار</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>ticket status</comment>
        <translation>محلولة</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>ticket status</comment>
        <translation>مغلقة</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>ticket priority</comment>
        <translation>منخفضة</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>ticket priority</comment>
        <translation>عادية</translation>
    </message>
    <message>
        <source>High</source>
        <comment>ticket priority</comment>
        <translation>مرتفعة</translation>
    </message>
    <message>
        <source>Urgent</source>
        <comment>ticket priority</comment>
        <translation>عاجلة</translation>
    </message>
</context>
<context>
    <name>CStar::TimeFormat</name>
    <message>
        <source>just now</source>
        <translation>الآن</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>منذ أقل من دقيقة</numerusform>
            <numerusform>منذ دقيقة واحدة</numerusform>
            <numerusform>منذ دقيقتين</numerusform>
            <numerusform>منذ %Ln دقائق</numerusform>
            <numerusform>منذ %Ln دقيقةً</numerusform>
            <numerusform>منذ %Ln دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>منذ أقل من ساعة</numerusform>
            <numerusform>منذ ساعة واحدة</numerusform>
            <numerusform>منذ ساعتين</numerusform>
            <numerusform>منذ %Ln ساعات</numerusform>
            <numerusform>منذ %Ln ساعةً</numerusform>
            <numerusform>منذ %Ln ساعة</numerusform>
        </translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
</context>
</TS>

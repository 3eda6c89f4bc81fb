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
    <message>
        <source>Write a message…</source>
        <translation>اكتب رسالة…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>اضغط Enter للإرسال وShift+Enter لبدء سطر جديد</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>إرسال الرسالة</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>إرسال (Enter)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>بدء محادثة جديدة</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>محادثة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>سجّل الدخول لعرض جميع المحادثات</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>سجّل الدخول لعرض جميع محادثاتك.</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>أنت تتحدث كضيف. بعد تسجيل الدخول سترى أيضًا المحادثات التي بدأتها في مكان آخر.</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>لا توجد محادثات بعد. ابدأ واحدة من «محادثة جديدة».</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>العودة إلى المحادثات</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>الموضوع (اختياري)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>رسائل جديدة ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>الانتقال إلى الرسائل الجديدة</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>نسخ النص</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>إعادة محاولة الإرسال</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>حذف هذه الرسالة</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>إرفاق ملف</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>إرفاق ملف (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Attach a screenshot of this window</source>
        <translation>إرفاق لقطة شاشة لهذه النافذة</translation>
    </message>
    <message>
        <source>Attach files or a screenshot</source>
        <translation>إرفاق ملفات أو لقطة شاشة</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>Drop files here to attach them</source>
        <translation>أفلِت الملفات هنا لإرفاقها</translation>
    </message>
    <message>
        <source>Attach this screenshot?</source>
        <translation>هل تريد إرفاق لقطة الشاشة هذه؟</translation>
    </message>
    <message>
        <source>Drag to keep only part of the window.</source>
        <translation>اسحب للاحتفاظ بجزء من النافذة فقط.</translation>
    </message>
    <message>
        <source>Attach</source>
        <comment>screenshot</comment>
        <extracomment>Confirms attaching the reviewed screenshot.</extracomment>
        <translation>إرفاق</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>النافذة كاملة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>حفظ…</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>حفظ المرفق</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>فتح الصورة</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>إلغاء الرفع</translation>
    </message>
    <message>
        <source>Image unavailable</source>
        <translation>الصورة غير متاحة</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>إرفاق ملفات</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>لا أحرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%Ln أحرف</numerusform>
            <numerusform>%Ln حرفًا</numerusform>
            <numerusform>%Ln حرف</numerusform>
        </translation>
    </message>
    <message>
        <source>Image %1, %2</source>
        <translation>صورة %1، %2</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>ملف %1، %2</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>إزالة %1</translation>
    </message>
    <message>
        <source>Save %1…</source>
        <translation>حفظ %1…</translation>
    </message>
    <message>
        <source>Uploading… %1 %</source>
        <translation>جارٍ الرفع… %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>لا مرفقات</numerusform>
            <numerusform>مرفق واحد</numerusform>
            <numerusform>مرفقان</numerusform>
            <numerusform>%Ln مرفقات</numerusform>
            <numerusform>%Ln مرفقًا</numerusform>
            <numerusform>%Ln مرفق</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is larger than 10 MB.</source>
        <translation>«%1» أكبر من 10 ميغابايت.</translation>
    </message>
    <message>
        <source>“%1” cannot be sent: only images, PDF, text, CSV, JSON and zip files can.</source>
        <translation>تعذّر إرسال «%1»: يمكن إرسال الصور وملفات PDF والنصوص وCSV وJSON وzip فقط.</translation>
    </message>
    <message>
        <source>“%1” is not what its name says it is.</source>
        <translation>محتوى «%1» لا يطابق اسمه.</translation>
    </message>
    <message>
        <source>“%1” is too large an image (at most 10,000 × 10,000 pixels).</source>
        <translation>«%1» صورة كبيرة جدًا (10,000 × 10,000 بكسل على الأكثر).</translation>
    </message>
    <message>
        <source>At most 10 files can be sent in one message.</source>
        <translation>يمكن إرسال 10 ملفات على الأكثر في رسالة واحدة.</translation>
    </message>
    <message>
        <source>“%1” could not be read.</source>
        <translation>تعذّرت قراءة «%1».</translation>
    </message>
    <message>
        <source>“%1” is a folder: only files can be attached.</source>
        <translation>«%1» مجلد: يمكن إرفاق الملفات فقط.</translation>
    </message>
    <message>
        <source>“%1” is not on this computer: save it first, then attach it.</source>
        <translation>«%1» ليس على هذا الكمبيوتر: احفظه أولًا ثم أرفقه.</translation>
    </message>
</context>
<context>
    <name>CStar::ConversationController</name>
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

// SPDX-License-Identifier: MIT
// cstar-bench-ux: what a user feels, in both UIs — the widget CStar::ChatPanel
// and the QML ChatView (in a QQuickWindow) — against a real cstar-devserver on
// loopback (--db :memory:), seeded over its chat and agent APIs with one
// identified customer and three tickets: 500 messages, 10,000 messages and a
// one-message one. Agent messages are Markdown (bold, lists, code, links,
// quotes); customer messages plain text of one to four sentences.
//
// start_to_painted_ms: a fresh process per run (startup is the point). From
//   just before the parent starts it (CLOCK_MONOTONIC, the clock the child
//   reads too) until the first frame that shows the newest message of the
//   500-message ticket: the session is restored from a copy of the stored
//   token file (ChatState, keychain off), the app opens the ticket, the
//   model loads its newest page (50 rows, protocol §6), the view shows the
//   last row. Widgets: the message view's viewport gets a Paint event while
//   the last row is the newest message and inside the viewport; the time is
//   taken when control is back in the event loop (paint and flush done).
//   QML: QQuickWindow::frameSwapped while the ListView holds every row, its
//   last delegate exists and it is at its end. Phases: start_to_main_ms
//   (exec + dynamic linking), start_to_shown_ms (application object, client,
//   ChatState, the UI built and shown), start_to_rows_ms (first page in the
//   model).
// scroll_frame_*: one process per UI; the 10,000-message ticket fully loaded
//   (pageSize 100, fetchOlder() until !hasMore), then scrolled from the top
//   to the end in fixed steps (--step px). Widgets: one frame = the message
//   view's vertical scroll bar setValue() and processEvents() (layout, paint
//   of the viewport, flush to the backing store). QML: one frame = the
//   ListView's contentY set → QQuickWindow::frameSwapped (polish: delegates
//   made and laid out; sync; render; swap), QT_QPA_UPDATE_IDLE_TIME=0 so
//   the platform's 5 ms update-request timer is not counted.
// memory: in the scroll process: VmRSS and malloc'ed bytes (mallinfo2) with
//   the one-message ticket open and painted (baseline), then with the
//   10,000 messages loaded and painted at the end, then after scrolling
//   through all of them (every delegate made once).
//
// The platform defaults to offscreen (QT_QPA_PLATFORM; Qt Quick then uses
// its software renderer); with --platform xcb under xvfb-run the QML side
// renders through OpenGL (Mesa llvmpipe). The figures are printed as JSON
// lines (bench "ux", impl "widgets"/"qml"); they never fail on timing.
#include "benchcommon.h"

#include "chatclient.h"
#include "chatpanel.h"
#include "chatstate.h"
#include "messagesmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListView>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QProcessEnvironment>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <deque>
#include <memory>

using namespace CStar;
using namespace CStar::Bench;

namespace {

const QString BenchName = QStringLiteral("ux");
const QString Team = QStringLiteral("acme");
const QByteArray AgentKey = "sk_test_dev";
const QString ChatSecret = QStringLiteral("dev_chat_secret");

double ms(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

double mib(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

// ---- inputs --------------------------------------------------------------------

/// An agent's message in Markdown, as support agents write them.
QString agentMarkdown(int n, QRandomGenerator &rng)
{
    static const char *const templates[] = {
        "Thanks for the details! I've checked your account and everything looks fine on "
        "**our side**. (ref. #%1)",
        "Here's what to try:\n\n1. Open **Settings → Account**\n2. Click *Sign out "
        "everywhere*\n3. Sign in again with your email\n\nIf that doesn't help, see [our "
        "guide](https://example.com/help/sign-in?ref=%1).",
        "Please run `cstar --reset-cache` and then restart the app. The log is in "
        "`~/.cache/cstar/app.log` — could you attach it? (ref. #%1)",
        "A few things changed in **4.2.3**:\n\n- faster sync of large folders\n- a fix for "
        "the *session expired* loop\n- `--verbose` now logs network errors\n\nRelease notes: "
        "https://example.com/releases/4.2.3#%1",
        "You can also use the API directly:\n\n```\ncurl -H \"Authorization: Bearer $TOKEN\" "
        "\\\n  https://api.example.com/v1/me\n```\n\nIt answers with your **account id** "
        "(ref. #%1).",
        "Sorry for the wait! I've passed this to our **billing team**; you'll hear from them "
        "within _one business day_. Ticket reference: `INV-%1`.",
        "> Since this morning the app says my session expired\n\nThat's a known issue in "
        "**4.2.1**, fixed in 4.2.3. Details: https://example.com/status/%1",
        "Got it, one moment please (#%1).",
    };
    const int count = int(sizeof templates / sizeof *templates);
    return QString::fromUtf8(templates[rng.bounded(count)]).arg(n);
}

/// A customer's message: plain text, one to four sentences.
QString customerText(int n, QRandomGenerator &rng)
{
    static const char *const sentences[] = {
        "Hi, I still can't sign in on the desktop app.",
        "It's version 4.2.1 on Windows 11.",
        "I tried restarting twice, same thing.",
        "The invoice for March is missing from my account page.",
        "Thanks, that worked!",
        "Could you check again? The sync seems stuck at 99 % since yesterday evening.",
        "I've attached nothing yet, where do I find the log file exactly?",
        "OK, updating now.",
        "My colleague has the same problem on her Mac, by the way.",
        "Is there a way to export all my data before I cancel?",
    };
    const int count = int(sizeof sentences / sizeof *sentences);
    QStringList parts;
    const int k = 1 + rng.bounded(4);
    for (int i = 0; i < k; ++i)
        parts << QString::fromUtf8(sentences[rng.bounded(count)]);
    return parts.join(QLatin1Char(' ')) + QStringLiteral(" (%1)").arg(n);
}

QUrl chatUrl(const QUrl &base, const QString &path)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/api/v1/chat/") + Team + path);
    return url;
}

QUrl agentUrl(const QUrl &base, const QString &path)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/api/v1/teams/") + Team + path);
    return url;
}

/// POSTs every body in order, `inFlight` at a time; returns the failures.
int postAll(QNetworkAccessManager *nam, const QList<QPair<QNetworkRequest, QByteArray>> &requests,
            int inFlight, int timeoutMs)
{
    int next = 0, pending = 0, failures = 0;
    std::function<void()> pump = [&] {
        while (pending < inFlight && next < requests.size()) {
            const auto &[request, body] = requests.at(next++);
            QNetworkReply *reply = nam->post(request, body);
            ++pending;
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status < 200 || status > 299)
                    ++failures;
                reply->deleteLater();
                --pending;
                pump();
            });
        }
    };
    pump();
    if (!waitUntil([&] { return pending == 0 && next == requests.size(); }, timeoutMs))
        return int(requests.size());
    return failures;
}

QNetworkRequest jsonRequest(const QUrl &url, const QByteArray &bearer)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + bearer);
    return request;
}

/// `count` messages on `ticket`: ~55 % agent Markdown, the rest the customer's.
int seedMessages(QNetworkAccessManager *nam, const QUrl &base, const QByteArray &token,
                 const QString &ticket, int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<QPair<QNetworkRequest, QByteArray>> requests;
    requests.reserve(count);
    const QNetworkRequest agent =
        jsonRequest(agentUrl(base, QStringLiteral("/tickets/%1/messages").arg(ticket)), AgentKey);
    const QNetworkRequest customer =
        jsonRequest(chatUrl(base, QStringLiteral("/tickets/%1/messages").arg(ticket)), token);
    for (int i = 0; i < count; ++i) {
        QJsonObject body;
        if (rng.bounded(100) < 55) {
            body.insert(QLatin1String("content"), agentMarkdown(i, rng));
            body.insert(QLatin1String("senderName"), QStringLiteral("Maya"));
            requests.append({agent, QJsonDocument(body).toJson(QJsonDocument::Compact)});
        } else {
            body.insert(QLatin1String("content"), customerText(i, rng));
            body.insert(QLatin1String("clientMessageId"),
                        QStringLiteral("cm_bench_%1_%2").arg(ticket).arg(i));
            requests.append({customer, QJsonDocument(body).toJson(QJsonDocument::Compact)});
        }
    }
    // Several in flight: order within the window is the server's; the
    // newest id is read back afterwards.
    return postAll(nam, requests, 8, 600000);
}

QString newestMessageId(QNetworkAccessManager *nam, const QUrl &base, const QString &ticket)
{
    QUrl url = agentUrl(base, QStringLiteral("/tickets/%1/messages").arg(ticket));
    url.setQuery(QStringLiteral("limit=1"));
    const HttpResult r = httpRequest(nam, "GET", url, AgentKey);
    const QJsonArray data = r.json.value(QLatin1String("data")).toArray();
    return data.isEmpty() ? QString()
                          : data.last().toObject().value(QLatin1String("id")).toString();
}

bool copyDirectory(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(source, target))
            return false;
        QFile::setPermissions(target, QFile::permissions(source));
    }
    return true;
}

// ---- child: the UI under test ----------------------------------------------------

struct ChildOptions
{
    QString ui; // "widgets" or "qml"
    QString task; // "startup" or "scroll"
    QUrl base;
    QString storage;
    QString ticket; // startup: the 500-message one; scroll: the 10,000-message one
    QString newest;
    QString smallTicket; // scroll: opened first, the memory baseline
    QString smallNewest;
    QString qmlImportDir;
    int width = 900;
    int height = 700;
    int step = 120;
    int maxFrames = 20000;
};

struct Marks
{
    qint64 main = 0, app = 0, shown = 0, rows = 0, painted = 0;
};

void printMarks(const Marks &m)
{
    const QJsonObject o {{QLatin1String("main"), double(m.main)},
                         {QLatin1String("app"), double(m.app)},
                         {QLatin1String("shown"), double(m.shown)},
                         {QLatin1String("rows"), double(m.rows)},
                         {QLatin1String("painted"), double(m.painted)}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

/// Counts Paint events of a widget and runs a check on each.
class PaintProbe : public QObject
{
public:
    using QObject::QObject;
    int paints = 0;
    std::function<void()> onPaint;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            if (onPaint)
                onPaint();
        }
        return QObject::eventFilter(watched, event);
    }
};

/// The UI under test behind one interface, so both UIs run the same steps.
class Ui
{
public:
    virtual ~Ui() = default;
    virtual MessagesModel *model() const = 0;
    virtual void open(const QString &ticket) = 0;
    /// Runs the event loop until a frame shows `newest` as the last row in
    /// view; returns when that frame was done (0 on timeout).
    virtual qint64 waitPaintedAtEnd(const QString &newest, int timeoutMs) = 0;
    virtual void scrollToTop() = 0;
    /// One fixed step down and its frame; false once at the end.
    virtual bool stepDown(int px, double *frameMs) = 0;
    virtual QString describe() const = 0;
};

class WidgetsUi : public Ui
{
public:
    WidgetsUi(ChatClient *client, ChatState *state, const ChildOptions &o)
    {
        panel.reset(new ChatPanel(client, nullptr, state));
        panel->resize(o.width, o.height);
    }
    void show()
    {
        panel->show();
        for (QListView *v : panel->findChildren<QListView *>()) {
            if (v->objectName() == QLatin1String("messageList") || v->model() == model())
                view = v;
        }
        if (view)
            view->viewport()->installEventFilter(&probe);
    }
    MessagesModel *model() const override { return panel->messagesModel(); }
    void open(const QString &ticket) override { panel->openTicket(ticket); }
    bool lastRowShown(const QString &newest) const
    {
        if (!view || !view->model())
            return false;
        const int rows = view->model()->rowCount();
        if (rows == 0)
            return false;
        const QModelIndex last = view->model()->index(rows - 1, 0);
        return last.data(MessagesModel::IdRole).toString() == newest
            && view->visualRect(last).intersects(view->viewport()->rect());
    }
    qint64 waitPaintedAtEnd(const QString &newest, int timeoutMs) override
    {
        qint64 done = 0;
        bool seen = false;
        probe.onPaint = [&] {
            if (!seen && lastRowShown(newest)) {
                seen = true;
                // Back in the event loop: the paint and the flush are over.
                QTimer::singleShot(0, [&] { done = monotonicNs(); });
            }
        };
        if (view)
            view->viewport()->update();
        waitUntil([&] { return done != 0; }, timeoutMs);
        probe.onPaint = nullptr;
        return done;
    }
    void scrollToTop() override
    {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->minimum());
        QCoreApplication::processEvents();
    }
    bool stepDown(int px, double *frameMs) override
    {
        QScrollBar *bar = view->verticalScrollBar();
        const int before = probe.paints;
        const qint64 t0 = monotonicNs();
        bar->setValue(qMin(bar->value() + px, bar->maximum()));
        QCoreApplication::processEvents();
        if (probe.paints == before) {
            view->viewport()->repaint(); // no frame yet: force the one the user would see
            ++forcedRepaints;
        }
        *frameMs = ms(t0, monotonicNs());
        return bar->value() < bar->maximum();
    }
    QString describe() const override
    {
        return QStringLiteral("%1 px content, %2 forced repaints")
            .arg(view ? view->verticalScrollBar()->maximum() + view->viewport()->height() : -1)
            .arg(forcedRepaints);
    }

    std::unique_ptr<ChatPanel> panel;
    QPointer<QListView> view;
    PaintProbe probe;
    int forcedRepaints = 0;
};

class QmlUi : public Ui
{
public:
    QmlUi(ChatClient *client, ChatState *state, const ChildOptions &o, QString *error)
    {
        engine.addImportPath(o.qmlImportDir);
        QQmlComponent component(&engine);
        // A file URL (the file need not exist) so imports resolve as for an app's own QML.
        component.setData("import QtQuick\nimport CStar.Chat\nChatView {}\n",
                          QUrl::fromLocalFile(QDir::temp().filePath(QStringLiteral("Scene.qml"))));
        if (!component.isReady()) {
            *error = component.errorString();
            return;
        }
        QObject *object = component.createWithInitialProperties(
            {{QStringLiteral("client"), QVariant::fromValue(client)},
             {QStringLiteral("chatState"), QVariant::fromValue(state)}});
        root = qobject_cast<QQuickItem *>(object);
        if (!root) {
            *error = component.errorString();
            delete object;
            return;
        }
        window.resize(o.width, o.height);
        root->setParentItem(window.contentItem());
        root->setSize(QSizeF(o.width, o.height));
        QObject::connect(&window, &QQuickWindow::frameSwapped, [this] { ++frames; });
    }
    ~QmlUi() override { delete root; }
    void show()
    {
        window.show();
        if (QObject *list = root->property("messageList").value<QObject *>())
            listView = list->property("view").value<QObject *>();
    }
    MessagesModel *model() const override
    {
        return qobject_cast<MessagesModel *>(root->property("messagesModel").value<QObject *>());
    }
    void open(const QString &ticket) override
    {
        QMetaObject::invokeMethod(root, "openTicket", Q_ARG(QVariant, QVariant(ticket)));
    }
    bool lastRowShown(const QString &newest) const
    {
        MessagesModel *m = model();
        if (!listView || !m || m->count() == 0)
            return false;
        const int count = listView->property("count").toInt();
        if (count != m->count() || m->message(count - 1).id() != newest)
            return false;
        QQuickItem *last = nullptr;
        QMetaObject::invokeMethod(listView, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, last),
                                  Q_ARG(int, count - 1));
        return last && listView->property("atYEnd").toBool();
    }
    qint64 waitPaintedAtEnd(const QString &newest, int timeoutMs) override
    {
        qint64 done = 0;
        const auto c = QObject::connect(&window, &QQuickWindow::frameSwapped, [&] {
            if (!done && lastRowShown(newest))
                done = monotonicNs();
        });
        window.update();
        waitUntil([&] { return done != 0; }, timeoutMs);
        QObject::disconnect(c);
        return done;
    }
    bool waitFrame(int timeoutMs)
    {
        const int before = frames;
        const bool ok = waitUntil([&] { return frames != before; }, timeoutMs);
        // The child never enters exec(): delegates the ListView releases while
        // contentY is set from here (outside any event) are deleteLater()'d at
        // loop level 0, which processEvents() never runs — an app's event loop
        // would. Without this, every delegate scrolled past stays alive.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        return ok;
    }
    void scrollToTop() override
    {
        auto dbg = [this](const char *when) {
            if (qEnvironmentVariableIsSet("CSTAR_BENCH_UX_DEBUG"))
                std::fprintf(stderr,
                             "%s: contentY %g originY %g contentHeight %g atYEnd %d stick %d "
                             "positioned %d\n",
                             when, listView->property("contentY").toReal(),
                             listView->property("originY").toReal(),
                             listView->property("contentHeight").toReal(),
                             listView->property("atYEnd").toBool(),
                             listView->parent()->property("stickToBottom").toBool(),
                             listView->parent()->property("positioned").toBool());
        };
        dbg("before");
        // contentY, as a drag would: positionViewAtBeginning() lays out the
        // top rows first, and MessageList, still stuck to the bottom when
        // the content height changes, goes back to the end.
        for (int i = 0; i < 20 && !listView->property("atYBeginning").toBool(); ++i) {
            listView->setProperty("contentY", listView->property("originY"));
            waitFrame(5000);
        }
        dbg("top");
    }
    bool stepDown(int px, double *frameMs) override
    {
        const qreal originY = listView->property("originY").toReal();
        const qreal end = originY + listView->property("contentHeight").toReal()
            - listView->property("height").toReal();
        const qreal y = listView->property("contentY").toReal();
        const qreal next = qMin(y + px, end);
        const qint64 t0 = monotonicNs();
        listView->setProperty("contentY", next);
        if (!waitFrame(5000))
            ++timeouts;
        *frameMs = ms(t0, monotonicNs());
        return !listView->property("atYEnd").toBool();
    }
    QString describe() const override
    {
        return QStringLiteral("%1 px content (estimated by ListView), graphics API %2, %3 frame "
                              "timeouts")
            .arg(listView ? listView->property("contentHeight").toReal() : -1)
            .arg(int(window.rendererInterface()->graphicsApi()))
            .arg(timeouts);
    }

    QQmlEngine engine;
    QQuickWindow window;
    QQuickItem *root = nullptr;
    QPointer<QObject> listView;
    int frames = 0;
    int timeouts = 0;
};

/// Runs one child task; prints JSON lines on stdout.
int runChild(const ChildOptions &o, Marks marks)
{
    marks.app = monotonicNs();
    auto *client = new ChatClient(Team);
    client->setBaseUrl(o.base);
    auto *state = new ChatState;
    state->setKeychainEnabled(false);
    state->setStorageDirectory(o.storage);
    state->setClient(client);

    std::unique_ptr<Ui> ui;
    if (o.ui == QLatin1String("widgets")) {
        auto *w = new WidgetsUi(client, state, o);
        ui.reset(w);
        if (o.task == QLatin1String("scroll"))
            w->model()->setPageSize(100);
        w->open(o.task == QLatin1String("scroll") ? o.smallTicket : o.ticket);
        w->show();
        if (!w->view) {
            emitNote(BenchName, QStringLiteral("widgets: no message view found in ChatPanel"));
            return 1;
        }
    } else {
        QString error;
        auto *q = new QmlUi(client, state, o, &error);
        ui.reset(q);
        if (!q->root) {
            emitNote(BenchName, QStringLiteral("qml: ChatView did not load: %1").arg(error));
            return 1;
        }
        if (o.task == QLatin1String("scroll"))
            q->model()->setPageSize(100);
        q->open(o.task == QLatin1String("scroll") ? o.smallTicket : o.ticket);
        q->show();
        if (!q->listView) {
            emitNote(BenchName, QStringLiteral("qml: no ListView in ChatView.messageList"));
            return 1;
        }
    }
    marks.shown = monotonicNs();
    MessagesModel *model = ui->model();
    auto rowsArrived = [&] {
        if (!marks.rows && model->count() > 0)
            marks.rows = monotonicNs();
    };
    QObject::connect(model, &MessagesModel::countChanged, rowsArrived);

    if (o.task == QLatin1String("startup")) {
        marks.painted = ui->waitPaintedAtEnd(o.newest, 30000);
        printMarks(marks);
        return marks.painted ? 0 : 1;
    }

    // ---- scroll: baseline with the one-message ticket open ----
    if (!ui->waitPaintedAtEnd(o.smallNewest, 30000)) {
        emitNote(BenchName, QStringLiteral("%1: the small ticket never painted").arg(o.ui));
        return 1;
    }
    const qint64 rssBase = rssKiB();
    const qint64 heapBase = heapInUse();

    const qint64 loadStart = monotonicNs();
    ui->open(o.ticket);
    if (!waitUntil(
            [&] {
                return model->ticketId() == o.ticket && model->count() > 0 && !model->isLoading();
            },
            30000)) {
        emitNote(BenchName, QStringLiteral("%1: the large ticket never loaded").arg(o.ui));
        return 1;
    }
    while (model->hasMore()) {
        const int before = model->count();
        if (model->canFetchOlder())
            model->fetchOlder();
        if (!waitUntil([&] { return model->count() != before || !model->hasMore(); }, 30000)) {
            emitNote(
                BenchName,
                QStringLiteral("%1: history stopped at %2 rows").arg(o.ui).arg(model->count()));
            return 1;
        }
    }
    const double loadMs = ms(loadStart, monotonicNs());
    const int rows = model->count();
    if (!ui->waitPaintedAtEnd(o.newest, 60000)) {
        emitNote(BenchName,
                 QStringLiteral("%1: never painted at the end of %2 rows").arg(o.ui).arg(rows));
        return 1;
    }
    const qint64 rssOpen = rssKiB();
    const qint64 heapOpen = heapInUse();
    const QJsonObject rowsExtra {{QLatin1String("rows"), rows}};
    emitResult(BenchName, o.ui, QStringLiteral("history_load_all_ms"), loadMs, QStringLiteral("ms"),
               rowsExtra);
    emitResult(BenchName, o.ui, QStringLiteral("rss_open_mib"), double(rssOpen) / 1024.0,
               QStringLiteral("MiB"), rowsExtra);
    emitResult(BenchName, o.ui, QStringLiteral("rss_delta_open_mib"),
               double(rssOpen - rssBase) / 1024.0, QStringLiteral("MiB"), rowsExtra);
    emitResult(BenchName, o.ui, QStringLiteral("heap_delta_open_mib"), mib(heapOpen - heapBase),
               QStringLiteral("MiB"), rowsExtra);

    ui->scrollToTop();
    std::vector<double> frames;
    double frameMs = 0;
    bool more = true;
    const qint64 scrollStart = monotonicNs();
    while (more && int(frames.size()) < o.maxFrames) {
        more = ui->stepDown(o.step, &frameMs);
        frames.push_back(frameMs);
    }
    const double scrollMs = ms(scrollStart, monotonicNs());
    const QJsonObject extra {{QLatin1String("rows"), rows},
                             {QLatin1String("frames"), int(frames.size())},
                             {QLatin1String("stepPx"), o.step},
                             {QLatin1String("reachedEnd"), !more},
                             {QLatin1String("scrollSeconds"), scrollMs / 1000},
                             {QLatin1String("detail"), ui->describe()}};
    emitResult(BenchName, o.ui, QStringLiteral("scroll_frame_p50_ms"), percentile(frames, 50),
               QStringLiteral("ms"), extra);
    emitResult(BenchName, o.ui, QStringLiteral("scroll_frame_p99_ms"), percentile(frames, 99),
               QStringLiteral("ms"), extra);
    emitResult(BenchName, o.ui, QStringLiteral("scroll_frame_max_ms"), percentile(frames, 100),
               QStringLiteral("ms"), extra);
    int over = 0;
    for (double f : frames)
        over += f > 16.0 ? 1 : 0;
    emitResult(BenchName, o.ui, QStringLiteral("scroll_frames_over_16ms_pct"),
               frames.empty() ? -1 : 100.0 * over / double(frames.size()), QStringLiteral("%"),
               extra);
    const qint64 rssScrolled = rssKiB();
    const qint64 heapScrolled = heapInUse();
    emitResult(BenchName, o.ui, QStringLiteral("rss_after_scroll_mib"),
               double(rssScrolled) / 1024.0, QStringLiteral("MiB"), rowsExtra);
    emitResult(BenchName, o.ui, QStringLiteral("heap_delta_after_scroll_mib"),
               mib(heapScrolled - heapBase), QStringLiteral("MiB"), rowsExtra);
    if (std::getenv("CSTAR_BENCH_UX_FRAMES")) { // raw frame times for a closer look
        QFile out(QString::fromLocal8Bit(std::getenv("CSTAR_BENCH_UX_FRAMES")) + QLatin1Char('.')
                  + o.ui);
        if (out.open(QIODevice::WriteOnly)) {
            for (double f : frames)
                out.write(QByteArray::number(f, 'f', 3) + '\n');
        }
    }
    return 0;
}

int childMain(int argc, char **argv, qint64 mainNs)
{
    ChildOptions o;
    for (int i = 2; i + 1 < argc; i += 2) {
        const QByteArray key = argv[i];
        const QString value = QString::fromLocal8Bit(argv[i + 1]);
        if (key == "--ui")
            o.ui = value;
        else if (key == "--task")
            o.task = value;
        else if (key == "--base")
            o.base = QUrl(value);
        else if (key == "--storage")
            o.storage = value;
        else if (key == "--ticket")
            o.ticket = value;
        else if (key == "--newest")
            o.newest = value;
        else if (key == "--small-ticket")
            o.smallTicket = value;
        else if (key == "--small-newest")
            o.smallNewest = value;
        else if (key == "--qml-import")
            o.qmlImportDir = value;
        else if (key == "--step")
            o.step = value.toInt();
        else if (key == "--max-frames")
            o.maxFrames = value.toInt();
        else if (key == "--size") {
            o.width = value.section(QLatin1Char('x'), 0, 0).toInt();
            o.height = value.section(QLatin1Char('x'), 1, 1).toInt();
        }
    }
    Marks marks;
    marks.main = mainNs;
    // What an application of each kind creates: widgets need QApplication,
    // a QML app a QGuiApplication.
    if (o.ui == QLatin1String("widgets")) {
        QApplication app(argc, argv);
        return runChild(o, marks);
    }
    QGuiApplication app(argc, argv);
    return runChild(o, marks);
}

// ---- parent: seed, run the children, print figures ---------------------------------

struct Parent
{
    QString self;
    QUrl base;
    QString storageTemplate;
    QString qmlImportDir;
    QString platform;
    QString size;
    int step = 120;
    int maxFrames = 20000;

    QProcessEnvironment environment(bool scroll) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
        if (platform == QLatin1String("offscreen")
            && !env.contains(QStringLiteral("QT_QUICK_BACKEND")))
            env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
        if (scroll)
            env.insert(QStringLiteral("QT_QPA_UPDATE_IDLE_TIME"), QStringLiteral("0"));
        if (!env.contains(QStringLiteral("QT_LOGGING_RULES")))
            env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cstar.*.debug=false"));
        return env;
    }

    /// Starts a child with a fresh copy of the stored session; returns its
    /// stdout lines (empty on failure) and the start time.
    QList<QByteArray> child(const QStringList &args, bool scroll, qint64 *startNs,
                            int timeoutMs) const
    {
        QTemporaryDir storage;
        if (!copyDirectory(storageTemplate, storage.path()))
            return {};
        QProcess p;
        p.setProcessEnvironment(environment(scroll));
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList all {QStringLiteral("--child"),
                         QStringLiteral("--base"),
                         base.toString(),
                         QStringLiteral("--storage"),
                         storage.path(),
                         QStringLiteral("--qml-import"),
                         qmlImportDir,
                         QStringLiteral("--size"),
                         size,
                         QStringLiteral("--step"),
                         QString::number(step),
                         QStringLiteral("--max-frames"),
                         QString::number(maxFrames)};
        all << args;
        *startNs = monotonicNs();
        p.start(self, all);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            return {};
        }
        const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            for (const QByteArray &line : lines) // pass its notes on
                if (line.startsWith('{'))
                    std::printf("%s\n", line.constData());
            return {};
        }
        return lines;
    }
};

} // namespace

int main(int argc, char **argv)
{
    const qint64 mainNs = monotonicNs();
    if (argc > 1 && qstrcmp(argv[1], "--child") == 0)
        return childMain(argc, argv, mainNs);

    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString devserver;
    QStringList uis {QStringLiteral("widgets"), QStringLiteral("qml")};
    int runs = 7;
    int smallCount = 500, largeCount = 10000, scrollRuns = 1;
    Parent parent;
    parent.self = QCoreApplication::applicationFilePath();
    parent.qmlImportDir = QStringLiteral(CSTAR_BENCH_QML_IMPORT_DIR);
    parent.platform = qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("offscreen"));
    parent.size = QStringLiteral("900x700");
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString &key = args[i];
        const QString &value = args[i + 1];
        if (key == QLatin1String("--devserver"))
            devserver = value;
        else if (key == QLatin1String("--runs"))
            runs = value.toInt();
        else if (key == QLatin1String("--scroll-runs"))
            scrollRuns = value.toInt();
        else if (key == QLatin1String("--ui"))
            uis = value.split(QLatin1Char(','));
        else if (key == QLatin1String("--messages"))
            smallCount = value.toInt();
        else if (key == QLatin1String("--scroll-messages"))
            largeCount = value.toInt();
        else if (key == QLatin1String("--step"))
            parent.step = value.toInt();
        else if (key == QLatin1String("--max-frames"))
            parent.maxFrames = value.toInt();
        else if (key == QLatin1String("--platform"))
            parent.platform = value;
        else if (key == QLatin1String("--size"))
            parent.size = value;
        else if (key == QLatin1String("--qml-import"))
            parent.qmlImportDir = value;
    }
    if (devserver.isEmpty()) {
        std::fprintf(stderr,
                     "usage: cstar-bench-ux --devserver BIN [--runs 7] [--scroll-runs 1]\n"
                     "         [--ui widgets,qml] [--messages 500] [--scroll-messages 10000]\n"
                     "         [--step 120] [--max-frames 20000] [--size 900x700]\n"
                     "         [--platform offscreen|xcb] [--qml-import DIR]\n"
                     "Set CSTAR_BENCH_UX_FRAMES=PREFIX to keep raw frame times.\n");
        return 2;
    }

    DevServerProcess server;
    QString error;
    if (!server.start(devserver, {}, &error)) {
        emitNote(BenchName, error);
        return 1;
    }
    parent.base = server.baseUrl();

    // One identified customer; ChatState stores its session in a template
    // directory that every child restores from (a fresh copy each).
    QTemporaryDir storage;
    parent.storageTemplate = storage.path();
    QNetworkAccessManager nam;
    QByteArray token;
    {
        ChatClient client(Team);
        client.setBaseUrl(parent.base);
        ChatState state;
        state.setKeychainEnabled(false);
        state.setStorageDirectory(storage.path());
        state.setClient(&client);
        const QByteArray customer =
            R"({"id":"bench-ux-customer","name":"Jane Bench","email":"jane@example.com"})";
        const QString signature =
            QString::fromLatin1(QMessageAuthenticationCode::hash(customer, ChatSecret.toUtf8(),
                                                                 QCryptographicHash::Sha256)
                                    .toHex());
        ChatJob *job = state.identify(QString::fromUtf8(customer), signature);
        bool finished = false;
        QObject::connect(job, &ChatJob::finished, [&finished] { finished = true; });
        waitUntil([&] { return finished; }, 20000);
        token = client.sessionToken().toUtf8();
    }
    if (token.isEmpty()) {
        emitNote(BenchName, QStringLiteral("identify failed: no session"));
        return 1;
    }

    QElapsedTimer seedClock;
    seedClock.start();
    const QString tiny = createTicket(&nam, parent.base, token, QStringLiteral("Quick question"));
    const QString large =
        createTicket(&nam, parent.base, token, QStringLiteral("Ten thousand messages"));
    const QString small = createTicket(&nam, parent.base, token, QStringLiteral("Sign-in loop"));
    int failed = seedMessages(&nam, parent.base, token, tiny, 1, 3);
    failed += seedMessages(&nam, parent.base, token, large, largeCount, 2);
    failed += seedMessages(&nam, parent.base, token, small, smallCount, 1);
    const QString tinyNewest = newestMessageId(&nam, parent.base, tiny);
    const QString largeNewest = newestMessageId(&nam, parent.base, large);
    const QString smallNewest = newestMessageId(&nam, parent.base, small);
    emitNote(BenchName,
             QStringLiteral("seeded %1 + %2 + 1 messages in %3 s (%4 failed); platform %5")
                 .arg(smallCount)
                 .arg(largeCount)
                 .arg(double(seedClock.elapsed()) / 1000, 0, 'f', 1)
                 .arg(failed)
                 .arg(parent.platform));
    if (failed || tinyNewest.isEmpty() || largeNewest.isEmpty() || smallNewest.isEmpty())
        return 1;

    // ---- 1. start → restored conversation painted, a fresh process per run ----
    for (int run = 0; run < runs; ++run) {
        for (const QString &ui : uis) { // interleaved: a load spike hits both
            qint64 startNs = 0;
            const QList<QByteArray> lines = parent.child(
                {QStringLiteral("--ui"), ui, QStringLiteral("--task"), QStringLiteral("startup"),
                 QStringLiteral("--ticket"), small, QStringLiteral("--newest"), smallNewest},
                false, &startNs, 60000);
            QJsonObject marks;
            for (const QByteArray &line : lines)
                if (line.startsWith('{'))
                    marks = QJsonDocument::fromJson(line).object();
            if (marks.isEmpty() || marks.value(QLatin1String("painted")).toDouble() <= 0) {
                emitNote(BenchName,
                         QStringLiteral("%1 startup run %2: no painted frame").arg(ui).arg(run));
                continue;
            }
            const QJsonObject extra {{QLatin1String("run"), run},
                                     {QLatin1String("messages"), smallCount}};
            auto since = [&](const char *key) {
                return (marks.value(QLatin1String(key)).toDouble() - double(startNs)) / 1e6;
            };
            emitResult(BenchName, ui, QStringLiteral("start_to_main_ms"), since("main"),
                       QStringLiteral("ms"), extra);
            emitResult(BenchName, ui, QStringLiteral("start_to_shown_ms"), since("shown"),
                       QStringLiteral("ms"), extra);
            emitResult(BenchName, ui, QStringLiteral("start_to_rows_ms"), since("rows"),
                       QStringLiteral("ms"), extra);
            emitResult(BenchName, ui, QStringLiteral("start_to_painted_ms"), since("painted"),
                       QStringLiteral("ms"), extra);
        }
    }

    // ---- 2./3. scrolling the 10,000-message conversation; memory ----------------
    for (int run = 0; run < scrollRuns; ++run) {
        for (const QString &ui : uis) {
            qint64 startNs = 0;
            const QList<QByteArray> lines = parent.child(
                {QStringLiteral("--ui"), ui, QStringLiteral("--task"), QStringLiteral("scroll"),
                 QStringLiteral("--ticket"), large, QStringLiteral("--newest"), largeNewest,
                 QStringLiteral("--small-ticket"), tiny, QStringLiteral("--small-newest"),
                 tinyNewest},
                true, &startNs, 900000);
            if (lines.isEmpty())
                emitNote(BenchName, QStringLiteral("%1 scroll run %2 failed").arg(ui).arg(run));
            for (const QByteArray &line : lines)
                if (line.startsWith('{'))
                    std::printf("%s\n", line.constData());
            std::fflush(stdout);
        }
    }
    return 0;
}

// SPDX-License-Identifier: MIT
#include "quickcustomerview.h"

#include "chatclient.h"
#include "chatstate.h"
#include "messagesmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QQmlEngine>
#include <QQuickItem>

namespace CStar::Demo {

namespace {
QString describe(const QList<QQmlError> &errors)
{
    QStringList lines;
    for (const QQmlError &e : errors)
        lines << e.toString();
    return lines.join(QLatin1Char('\n'));
}
} // namespace

void QuickCustomerView::addImportPath(QQmlEngine *engine)
{
    // Installed: the module sits at a fixed place relative to the binary.
    // In the build tree: the module's output directory. QML_IMPORT_PATH and
    // Qt's own QML directory are searched by the engine anyway.
    const QStringList candidates {
        QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/')
                        + QStringLiteral(CSTAR_DEMO_QML_INSTALL_RELDIR)),
        QStringLiteral(CSTAR_DEMO_QML_BUILD_DIR),
    };
    for (const QString &dir : candidates) {
        if (QFileInfo::exists(dir + QStringLiteral("/CStar/Chat/qmldir"))) {
            engine->addImportPath(dir);
            return;
        }
    }
    // Otherwise on the engine's own paths, or loadError() says it is missing.
}

QuickCustomerView::QuickCustomerView(QQmlEngine *engine, ChatClient *client, ChatState *state,
                                     QWidget *parent)
    : QQuickWidget(engine, parent)
{
    setObjectName(QStringLiteral("quickCustomerView"));
    setResizeMode(QQuickWidget::SizeRootObjectToView);
    setSource(QUrl(QStringLiteral("qrc:/cstar-demo/qml/CustomerChat.qml")));
    QQuickItem *view = rootObject();
    if (!view)
        return; // errors() has the reason; the caller reports it
    view->setProperty("client", QVariant::fromValue(static_cast<QObject *>(client)));
    view->setProperty("chatState", QVariant::fromValue(static_cast<QObject *>(state)));
    // QML signals connect by signature only.
    connect(view, SIGNAL(signInRequested()), this, SIGNAL(signInRequested()));
    connect(view, SIGNAL(agentMessageArrived(QString, QString, QString)), this,
            SIGNAL(agentMessageArrived(QString, QString, QString)));
}

QString QuickCustomerView::loadError() const
{
    return describe(errors());
}

MessagesModel *QuickCustomerView::messagesModel() const
{
    QQuickItem *view = rootObject();
    return view ? view->property("messagesModel").value<MessagesModel *>() : nullptr;
}

QString QuickCustomerView::currentTicketId() const
{
    QQuickItem *view = rootObject();
    return view ? view->property("currentTicketId").toString() : QString();
}

void QuickCustomerView::openTicket(const QString &ticketId)
{
    if (QQuickItem *view = rootObject())
        QMetaObject::invokeMethod(view, "openTicket", Q_ARG(QVariant, ticketId));
}

} // namespace CStar::Demo

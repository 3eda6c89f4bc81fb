// SPDX-License-Identifier: MIT
// Qt Quick Test runner for the CStar.Chat QML module (tests/qml/tst_*.qml).
// One cstar-devserver (port 0, temporary database) serves every test file;
// QML reaches it through the context property `devServer`, and test
// files, images, the clipboard and drops through `testTools`.

#include "devserverhelper.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>

/// What QML tests cannot do themselves: files and images on disk, an image
/// on the clipboard, a real drop of files on an item, a file's sha256.
class TestTools : public QObject
{
    Q_OBJECT
public:
    /// A `width` × `height` PNG (a gradient, so a crop shows which part);
    /// its file URL.
    Q_INVOKABLE QUrl writeImage(int width, int height)
    {
        const QString path = m_dir.filePath(QStringLiteral("image-%1.png").arg(++m_serial));
        makeImage(width, height).save(path, "PNG");
        return QUrl::fromLocalFile(path);
    }
    /// A text file named `name` (in a folder of its own); its path.
    Q_INVOKABLE QString writeFile(const QString &name, const QString &text)
    {
        const QString folder = m_dir.filePath(QString::number(++m_serial));
        QDir().mkpath(folder);
        QFile file(folder + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
            return {};
        return file.fileName();
    }
    /// A path nobody wrote yet (for Save…), as a file URL.
    Q_INVOKABLE QUrl newFileUrl(const QString &name)
    {
        const QString folder = m_dir.filePath(QString::number(++m_serial));
        QDir().mkpath(folder);
        return QUrl::fromLocalFile(folder + QLatin1Char('/') + name);
    }
    Q_INVOKABLE bool exists(const QUrl &url) const { return QFile::exists(url.toLocalFile()); }
    /// Lowercase hex sha256 of a file (path or file URL), "" when unreadable.
    Q_INVOKABLE QString sha256(const QString &pathOrUrl) const
    {
        const QUrl url(pathOrUrl);
        QFile file(url.isLocalFile() ? url.toLocalFile() : pathOrUrl);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        return QString::fromLatin1(hash.result().toHex());
    }
    /// Puts a `width` × `height` image on the clipboard (as a screenshot tool does).
    Q_INVOKABLE void setClipboardImage(int width, int height)
    {
        QGuiApplication::clipboard()->setImage(makeImage(width, height));
    }
    Q_INVOKABLE void setClipboardText(const QString &text)
    {
        QGuiApplication::clipboard()->setText(text);
    }
    /// Drags local files over `item`'s centre and drops them, through the
    /// window as the platform would; whether the drop was accepted.
    Q_INVOKABLE bool dropFiles(QQuickItem *item, const QStringList &paths)
    {
        if (!item || !item->window())
            return false;
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls.append(QUrl::fromLocalFile(path));
        mime.setUrls(urls);
        const QPointF pos = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(item->window(), &enter);
        if (!enter.isAccepted())
            return false;
        QDragMoveEvent move(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(item->window(), &move);
        QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(item->window(), &drop);
        return drop.isAccepted();
    }

private:
    static QImage makeImage(int width, int height)
    {
        QImage image(width, height, QImage::Format_RGB32);
        QPainter painter(&image);
        QLinearGradient gradient(0, 0, width, height);
        gradient.setColorAt(0, Qt::darkBlue);
        gradient.setColorAt(1, Qt::yellow);
        painter.fillRect(image.rect(), gradient);
        return image;
    }

    QTemporaryDir m_dir;
    int m_serial = 0;
};

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable()
    {
        // The outbox, read markers and tokens of the default location go to
        // a private directory: tests run in parallel and leave nothing behind.
        qputenv("XDG_DATA_HOME", m_dataHome.path().toUtf8());
        // A short typing lease keeps the "typing expires" test quick.
        m_server = std::make_unique<CStar::Testing::DevServerHelper>(
            QStringList {QStringLiteral("--retry-ms"), QStringLiteral("50"),
                         QStringLiteral("--typing-lease-ms"), QStringLiteral("1500")});
        if (!m_server->isRunning())
            qWarning("cstar-devserver did not start: %s", qPrintable(m_server->errorString()));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->rootContext()->setContextProperty(QStringLiteral("devServer"), m_server.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testTools"), &m_tools);
    }

    void cleanupTestCase() { m_server.reset(); }

private:
    QTemporaryDir m_dataHome;
    TestTools m_tools;
    std::unique_ptr<CStar::Testing::DevServerHelper> m_server;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"

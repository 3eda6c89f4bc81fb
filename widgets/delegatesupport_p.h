// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractItemModel>
#include <QColor>
#include <QIcon>
#include <QStyle>

namespace CStar::DelegateSupport {

/// `a` blended toward `b` by t (0..1): derives tints from the palette, so
/// bubbles and chips stay readable in light and dark themes.
inline QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

/// The role called `name` in the model's roleNames(), or -1. Delegates find
/// roles by their QML names so any model with those names works.
inline int roleByName(const QAbstractItemModel *model, const QByteArray &name)
{
    return model->roleNames().key(name, -1);
}

/// The icon of an attachment by its media type (§11's types): the theme's,
/// or the style's generic file icon where the theme has none.
inline QIcon fileIcon(const QString &contentType, const QStyle *style)
{
    QString name = QStringLiteral("text-x-generic");
    if (contentType.startsWith(QLatin1String("image/")))
        name = QStringLiteral("image-x-generic");
    else if (contentType == QLatin1String("application/pdf"))
        name = QStringLiteral("application-pdf");
    else if (contentType == QLatin1String("application/zip"))
        name = QStringLiteral("package-x-generic");
    return QIcon::fromTheme(name, style->standardIcon(QStyle::SP_FileIcon));
}

} // namespace CStar::DelegateSupport

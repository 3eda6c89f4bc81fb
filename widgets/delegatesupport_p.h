// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractItemModel>
#include <QColor>

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

} // namespace CStar::DelegateSupport

// SPDX-License-Identifier: MIT
#pragma once

#include <QIdentityProxyModel>
#include <QtQml/qqmlregistration.h>

namespace CStar {

/// A model as it is (`sourceModel`), minus automatic paging: QML views call
/// fetchMore() whenever their last delegate is created, which for
/// MessagesModel (where fetchMore() pages back through history) would load a
/// whole thread on open. MessageList pages itself, when scrolled to the top.
class ExplicitFetchModel : public QIdentityProxyModel
{
    Q_OBJECT
    QML_ELEMENT
public:
    explicit ExplicitFetchModel(QObject *parent = nullptr);

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
};

} // namespace CStar

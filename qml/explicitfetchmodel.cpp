// SPDX-License-Identifier: MIT
#include "explicitfetchmodel.h"

namespace CStar {

ExplicitFetchModel::ExplicitFetchModel(QObject *parent) : QIdentityProxyModel(parent) { }

bool ExplicitFetchModel::canFetchMore(const QModelIndex &) const
{
    return false;
}

void ExplicitFetchModel::fetchMore(const QModelIndex &) { }

} // namespace CStar

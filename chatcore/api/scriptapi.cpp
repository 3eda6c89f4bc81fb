// SPDX-License-Identifier: MIT
#include "scriptapi.h"

namespace CStar {

namespace {
ScriptApi *installedScriptApi = nullptr;
} // namespace

ScriptApi::~ScriptApi() = default;

void ScriptApi::install(ScriptApi *api)
{
    installedScriptApi = api;
}

ScriptApi *ScriptApi::installed()
{
    return installedScriptApi;
}

} // namespace CStar

#pragma once
// What the demo may do to the registry: it trains into, aliases and deletes one model (DemoOptions::
// model), and only versions it made, which carry the tag origin=demo. A model of that name with a
// version someone else made is left alone. Blocking (registry, runtime): worker threads only.

#include "core/result.h"

#include <QString>

namespace ModelDesk::Registry {
class ModelCatalog;
}
namespace ModelDesk::Runtime {
class DeploymentManager;
}

// The tag that marks the demo's versions.
inline constexpr char demoOriginTag[] = "origin";
inline constexpr char demoOriginValue[] = "demo";

// Conflict naming the first version of `model` that the demo did not make; ok when the model does
// not exist or every version is the demo's.
ModelDesk::Status checkDemoOwnsModel(ModelDesk::Registry::ModelCatalog &catalog, const QString &model);

// Removes the deployment named `model` and the demo's versions of `model`: the whole model when all
// its versions are the demo's (true), else only those versions (false). Missing parts are not errors.
// Every change is audited under `actor`.
ModelDesk::Result<bool> removeDemoModel(ModelDesk::Runtime::DeploymentManager &runtime,
                                        ModelDesk::Registry::ModelCatalog &catalog, const QString &model,
                                        const QString &actor);

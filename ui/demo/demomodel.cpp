#include "demomodel.h"

#include "registry/modelcatalog.h"
#include "runtime/deploymentmanager.h"

#include <algorithm>

using namespace ModelDesk;

namespace {
bool isDemoVersion(const VersionInfo &v)
{
    return v.tags.value(QLatin1String(demoOriginTag)) == QLatin1String(demoOriginValue);
}
} // namespace

Status checkDemoOwnsModel(Registry::ModelCatalog &catalog, const QString &model)
{
    auto versions = catalog.registry().versions(model);
    if (!versions)
        return versions.error().code == Error::Code::NotFound ? Status{} : Status{fail(versions.error())};
    for (const VersionInfo &v : std::as_const(*versions)) {
        if (!isDemoVersion(v))
            return fail(Error::conflict(QStringLiteral("the workspace already has a model '%1' that the demo did not "
                                                       "make (version %2); the demo leaves it alone")
                                            .arg(model)
                                            .arg(v.version)));
    }
    return {};
}

Result<bool> removeDemoModel(Runtime::DeploymentManager &runtime, Registry::ModelCatalog &catalog, const QString &model,
                             const QString &actor)
{
    if (Status s = runtime.remove(model, actor); !s && s.error().code != Error::Code::NotFound)
        return fail(s.error());
    auto versions = catalog.registry().versions(model);
    if (!versions) {
        if (versions.error().code == Error::Code::NotFound)
            return true;
        return fail(versions.error());
    }
    if (std::all_of(versions->cbegin(), versions->cend(), isDemoVersion)) {
        if (Status s = catalog.deleteModel(model, actor); !s && s.error().code != Error::Code::NotFound)
            return fail(s.error());
        return true;
    }
    // Someone added versions of their own since: those, and the model, stay.
    for (const VersionInfo &v : std::as_const(*versions)) {
        if (!isDemoVersion(v))
            continue;
        if (Status s = catalog.deleteVersion(model, v.version, actor); !s && s.error().code != Error::Code::NotFound)
            return fail(s.error());
    }
    return false;
}

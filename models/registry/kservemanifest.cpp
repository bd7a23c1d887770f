// KServe half of clusterexport.h: an InferenceService (serving.kserve.io/v1beta1) whose predictor
// serves the Triton repository that exportTritonRepository writes (modelFormat pytorch on the
// Triton runtime, Open Inference Protocol v2 - the same protocol ModelDesk's own server speaks).

#include "clusterexport.h"

#include "modelcatalog.h"
#include "modelregistry.h"

#include <QRegularExpression>

#include <algorithm>

namespace ModelDesk::Registry {

namespace {

// YAML double-quoted scalar: JSON-style escapes are valid YAML, and quoting every string keeps
// values such as "1", "yes" or "on" from turning into numbers or booleans.
QString yamlString(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

// Memory for Triton + LibTorch + the weights: a base plus a few copies of the artifact, in MiB
// rounded up to 256 MiB so the numbers read as a person would write them.
qint64 memoryRequestMiB(qint64 artifactBytes)
{
    const qint64 mib = 512 + 3 * ((artifactBytes + (1 << 20) - 1) >> 20);
    return (mib + 255) / 256 * 256;
}

QString memoryText(qint64 mib)
{
    return mib % 1024 == 0 ? QStringLiteral("%1Gi").arg(mib / 1024) : QStringLiteral("%1Mi").arg(mib);
}

} // namespace

// Knative and KServe derive Deployment and Service names from the InferenceService name (e.g.
// "<name>-predictor-00001-deployment"); those must stay within Kubernetes' 63 characters, hence
// 45 for a derived name.
QString kserveServiceName(const QString &modelName)
{
    QString name = modelName.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9-]")), QStringLiteral("-"));
    name.replace(QRegularExpression(QStringLiteral("-{2,}")), QStringLiteral("-"));
    if (name.isEmpty() || !name.front().isLetter())
        name.prepend(QStringLiteral("m-"));
    name.truncate(45);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name;
}

bool isValidKServeName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$"));
    return rule.match(name).hasMatch();
}

Result<KServeManifest> kserveManifest(const ModelCatalog &catalog, const Names::ModelRef &ref,
                                      const KServeExportOptions &options)
{
    auto version = catalog.resolve(ref);
    if (!version)
        return fail(version.error());
    KServeManifest m;
    m.model = version->model;
    m.version = version->version;
    m.serviceName = options.serviceName.isEmpty() ? kserveServiceName(version->model) : options.serviceName;
    if (!isValidKServeName(m.serviceName))
        return fail(Error::invalid(
            QStringLiteral("'%1' is not a valid InferenceService name: lower-case letters, digits "
                           "and '-', starting with a letter, at most 63 characters")
                .arg(m.serviceName)));
    static const QRegularExpression dns1123Label(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    if (!options.serviceNamespace.isEmpty() && !dns1123Label.match(options.serviceNamespace).hasMatch())
        return fail(Error::invalid(
            QStringLiteral("'%1' is not a valid Kubernetes namespace").arg(options.serviceNamespace)));
    const QString runtime =
        options.runtime.isEmpty() ? QStringLiteral("kserve-tritonserver") : options.runtime;
    if (!QRegularExpression(QStringLiteral("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$"))
             .match(runtime)
             .hasMatch())
        return fail(Error::invalid(QStringLiteral("'%1' is not a valid ServingRuntime name").arg(runtime)));

    auto deployments = catalog.registry().deployments();
    if (!deployments)
        return fail(deployments.error());
    const DeploymentHints hints = findDeploymentHints(*deployments, version->model, {*version});
    if (hints.found()) {
        m.deployment = hints.deployment;
        if (hints.canaryVersion && *hints.canaryVersion == version->version && hints.canaryPercent > 0) {
            m.canaryPercent = hints.canaryPercent;
            const QString stable =
                hints.version ? QStringLiteral("%1:%2").arg(version->model).arg(*hints.version)
                              : version->model + QLatin1Char('@') +
                                    (hints.alias.isEmpty() ? QStringLiteral("<stable>") : hints.alias);
            m.note = QStringLiteral(
                         "canary: apply the manifest of the stable version (%1) first; this one sends %2% "
                         "of traffic to version %3, as deployment '%4' does")
                         .arg(stable)
                         .arg(hints.canaryPercent)
                         .arg(version->version)
                         .arg(hints.deployment);
        } else if (hints.canaryVersion && hints.canaryPercent > 0) {
            m.note = QStringLiteral(
                         "deployment '%1' also sends %2% to version %3: export %4:%3 for the canary manifest")
                         .arg(hints.deployment)
                         .arg(hints.canaryPercent)
                         .arg(*hints.canaryVersion)
                         .arg(version->model);
        }
    }

    const QString storageUri =
        options.storageUri.isEmpty()
            ? QStringLiteral("s3://CHANGE-ME/modeldesk/%1/v%2").arg(version->model).arg(version->version)
            : options.storageUri;
    const qint64 requestMiB = memoryRequestMiB(version->size);

    QString y;
    y += QStringLiteral(
             "# KServe InferenceService written by ModelDesk %1 for registry model '%2' version %3\n")
             .arg(QStringLiteral(MODELDESK_VERSION), version->model)
             .arg(version->version);
    y += QStringLiteral("# (sha256 %1).\n").arg(version->digest);
    y += QStringLiteral(
             "# storageUri must point at a Triton model repository holding this version: make it with\n"
             "#   modeldesk-cli export triton %1:%2 --out DIR\n"
             "# and upload DIR (the folder that contains '%1/config.pbtxt') there.\n")
             .arg(version->model)
             .arg(version->version);
    if (options.storageUri.isEmpty())
        y += QStringLiteral("# The storageUri below is a placeholder: replace CHANGE-ME before applying.\n");
    if (!m.note.isEmpty())
        y += QStringLiteral("# Note: ") + m.note + QLatin1Char('\n');
    y += QStringLiteral("# Clients call the v2 protocol: POST /v2/models/%1/infer\n").arg(version->model);
    y += QStringLiteral("apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n");
    y += QStringLiteral("  name: ") + yamlString(m.serviceName) + QLatin1Char('\n');
    if (!options.serviceNamespace.isEmpty())
        y += QStringLiteral("  namespace: ") + yamlString(options.serviceNamespace) + QLatin1Char('\n');
    y += QStringLiteral("  annotations:\n");
    y += QStringLiteral("    modeldesk.io/model: ") + yamlString(version->model) + QLatin1Char('\n');
    y += QStringLiteral("    modeldesk.io/version: ") + yamlString(QString::number(version->version)) +
         QLatin1Char('\n');
    y += QStringLiteral("    modeldesk.io/sha256: ") + yamlString(version->digest) + QLatin1Char('\n');
    if (hints.found())
        y += QStringLiteral("    modeldesk.io/deployment: ") + yamlString(hints.deployment) +
             QLatin1Char('\n');
    y += QStringLiteral("spec:\n  predictor:\n");
    if (hints.found())
        y += QStringLiteral("    minReplicas: 1\n");
    if (m.canaryPercent)
        y += QStringLiteral("    canaryTrafficPercent: %1\n").arg(*m.canaryPercent);
    y += QStringLiteral("    model:\n      modelFormat:\n        name: \"pytorch\"\n");
    y += QStringLiteral("      runtime: ") + yamlString(runtime) + QLatin1Char('\n');
    y += QStringLiteral("      protocolVersion: \"v2\"\n");
    y += QStringLiteral("      storageUri: ") + yamlString(storageUri) + QLatin1Char('\n');
    y += QStringLiteral("      resources:\n        requests:\n          cpu: \"1\"\n          memory: ") +
         yamlString(memoryText(requestMiB)) +
         QStringLiteral("\n        limits:\n          cpu: \"%1\"\n          memory: ")
             .arg(std::max(2, hints.workers)) +
         yamlString(memoryText(requestMiB * 2)) + QLatin1Char('\n');
    m.yaml = y;
    return m;
}

} // namespace ModelDesk::Registry

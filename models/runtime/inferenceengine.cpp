#include "inferenceengine.h"
#include "inferenceobserver.h"

#include "core/names.h"

#include <QJsonArray>

#include <limits>

namespace ModelDesk::Runtime {

namespace {

// Inclusive ranges; wide enough for real use, narrow enough that a typo cannot exhaust the machine.
struct IntRange
{
    const char *key;
    int min;
    int max;
};
constexpr IntRange kMaxBatch{"max_batch_size", 1, 4096};
constexpr IntRange kDelay{"max_queue_delay_us", 0, 1'000'000};
constexpr IntRange kWorkers{"workers", 1, 64};
constexpr IntRange kIntraOp{"intra_op_threads", 1, 256};
constexpr IntRange kQueue{"queue_capacity", 1, 1'000'000};
constexpr IntRange kTimeout{"request_timeout_ms", 1, 3'600'000};
constexpr IntRange kIdle{"idle_unload_seconds", 0, 30 * 24 * 3600};

Status checkRange(const IntRange &r, int value)
{
    if (value < r.min || value > r.max)
        return fail(Error::invalid(QStringLiteral("%1 must be between %2 and %3, got %4")
                                       .arg(QLatin1String(r.key))
                                       .arg(r.min)
                                       .arg(r.max)
                                       .arg(value)));
    return {};
}

// Reads an integer key: absent keeps the default; present must be an integral number.
Status readInt(const QJsonObject &o, const char *key, int &out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return {};
    const double d = v.toDouble(std::numeric_limits<double>::quiet_NaN());
    // Range first: converting a double outside long long's range is undefined (found by fuzzing).
    if (!v.isDouble() || !(d >= -2147483648.0 && d <= 2147483647.0) || d != static_cast<double>(static_cast<long long>(d)))
        return fail(Error::invalid(QStringLiteral("'%1' must be an integer").arg(QLatin1String(key))));
    out = static_cast<int>(d);
    return {};
}

Status readOptionalInt(const QJsonObject &o, const char *key, std::optional<int> &out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        out.reset();
        return {};
    }
    int value = 0;
    if (auto s = readInt(o, key, value); !s)
        return s;
    out = value;
    return {};
}

Status readString(const QJsonObject &o, const char *key, QString &out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString())
        return fail(Error::invalid(QStringLiteral("'%1' must be a string").arg(QLatin1String(key))));
    out = v.toString();
    return {};
}

Status readBool(const QJsonObject &o, const char *key, bool &out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isBool())
        return fail(Error::invalid(QStringLiteral("'%1' must be true or false").arg(QLatin1String(key))));
    out = v.toBool();
    return {};
}

QJsonValue optionalInt(const std::optional<int> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject batchingToJson(const BatchingConfig &b)
{
    return {{QLatin1String(kMaxBatch.key), b.maxBatchSize},   {QLatin1String(kDelay.key), b.maxQueueDelayUs},
            {QLatin1String(kWorkers.key), b.workers},         {QLatin1String(kIntraOp.key), b.intraOpThreads},
            {QLatin1String(kQueue.key), b.queueCapacity},     {QLatin1String(kTimeout.key), b.requestTimeoutMs},
            {QLatin1String(kIdle.key), b.idleUnloadSeconds}};
}

} // namespace

Status checkBatchingConfig(const BatchingConfig &b)
{
    for (const auto &[range, value] : {std::pair{kMaxBatch, b.maxBatchSize}, std::pair{kDelay, b.maxQueueDelayUs},
                                       std::pair{kWorkers, b.workers}, std::pair{kIntraOp, b.intraOpThreads},
                                       std::pair{kQueue, b.queueCapacity}, std::pair{kTimeout, b.requestTimeoutMs},
                                       std::pair{kIdle, b.idleUnloadSeconds}}) {
        if (auto s = checkRange(range, value); !s)
            return s;
    }
    return {};
}

QJsonObject DeploymentSpec::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("model"), model},
            {QStringLiteral("version"), optionalInt(version)},
            {QStringLiteral("alias"), alias},
            {QStringLiteral("canary_version"), optionalInt(canaryVersion)},
            {QStringLiteral("canary_percent"), canaryPercent},
            {QStringLiteral("sticky_header"), stickyHeader},
            {QStringLiteral("public"), isPublic},
            {QStringLiteral("batching"), batchingToJson(batching)}};
}

Result<DeploymentSpec> DeploymentSpec::fromJson(const QJsonObject &o)
{
    DeploymentSpec spec;
    Status s = readString(o, "name", spec.name);
    if (s)
        s = readString(o, "model", spec.model);
    if (s)
        s = readOptionalInt(o, "version", spec.version);
    if (s)
        s = readString(o, "alias", spec.alias);
    if (s)
        s = readOptionalInt(o, "canary_version", spec.canaryVersion);
    if (s)
        s = readInt(o, "canary_percent", spec.canaryPercent);
    if (s)
        s = readString(o, "sticky_header", spec.stickyHeader);
    if (s)
        s = readBool(o, "public", spec.isPublic);
    if (s && o.contains(QStringLiteral("batching"))) {
        const QJsonValue bv = o.value(QStringLiteral("batching"));
        if (!bv.isObject() && !bv.isNull())
            return fail(Error::invalid(QStringLiteral("'batching' must be an object")));
        const QJsonObject b = bv.toObject();
        BatchingConfig &c = spec.batching;
        for (const auto &[range, field] :
             {std::pair{kMaxBatch, &c.maxBatchSize}, std::pair{kDelay, &c.maxQueueDelayUs},
              std::pair{kWorkers, &c.workers}, std::pair{kIntraOp, &c.intraOpThreads},
              std::pair{kQueue, &c.queueCapacity}, std::pair{kTimeout, &c.requestTimeoutMs},
              std::pair{kIdle, &c.idleUnloadSeconds}}) {
            if (s)
                s = readInt(b, range.key, *field);
        }
    }
    if (!s)
        return fail(s.error());
    if (auto v = spec.validate(); !v)
        return fail(v.error());
    return spec;
}

Status DeploymentSpec::validate() const
{
    if (auto s = Names::checkName(name, QStringLiteral("deployment")); !s)
        return s;
    if (auto s = Names::checkName(model, QStringLiteral("model")); !s)
        return s;
    if (version && *version < 1)
        return fail(Error::invalid(QStringLiteral("version must be 1 or more, got %1").arg(*version)));
    if (version && !alias.isEmpty())
        return fail(Error::invalid(QStringLiteral("set either a version or an alias to follow, not both")));
    if (!alias.isEmpty()) {
        if (auto s = Names::checkName(alias, QStringLiteral("alias")); !s)
            return s;
    }
    if (canaryVersion && *canaryVersion < 1)
        return fail(Error::invalid(QStringLiteral("canary version must be 1 or more, got %1").arg(*canaryVersion)));
    if (canaryPercent < 0 || canaryPercent > 100)
        return fail(Error::invalid(QStringLiteral("canary_percent must be between 0 and 100, got %1").arg(canaryPercent)));
    if (canaryPercent > 0 && !canaryVersion)
        return fail(Error::invalid(QStringLiteral("canary_percent is set but no canary_version")));
    if (canaryVersion && version && *canaryVersion == *version)
        return fail(Error::invalid(QStringLiteral("the canary version must differ from the primary version")));
    // HTTP header names are tokens; keep to the safe subset so a header lookup can never be ambiguous.
    for (QChar c : stickyHeader) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_'))
            return fail(Error::invalid(
                QStringLiteral("sticky_header '%1' is not a valid header name (use letters, digits, '-', '_')")
                    .arg(stickyHeader.left(80))));
    }
    if (stickyHeader.size() > 64)
        return fail(Error::invalid(QStringLiteral("sticky_header is longer than 64 characters")));
    return checkBatchingConfig(batching);
}

QString deploymentStateName(DeploymentState s)
{
    switch (s) {
    case DeploymentState::Loading: return QStringLiteral("loading");
    case DeploymentState::Warming: return QStringLiteral("warming");
    case DeploymentState::Ready: return QStringLiteral("ready");
    case DeploymentState::Draining: return QStringLiteral("draining");
    case DeploymentState::Unloaded: return QStringLiteral("unloaded");
    case DeploymentState::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

QJsonObject toJson(const DeploymentStatus &status)
{
    QJsonArray versions;
    for (const VersionStatus &v : status.versions) {
        versions.append(QJsonObject{{QStringLiteral("version"), v.version},
                                    {QStringLiteral("state"), deploymentStateName(v.state)},
                                    {QStringLiteral("reason"), v.reason},
                                    {QStringLiteral("traffic_percent"), v.trafficPercent},
                                    {QStringLiteral("digest"), v.digest},
                                    {QStringLiteral("warmup"), v.warmup},
                                    {QStringLiteral("queue_depth"), v.queueDepth},
                                    {QStringLiteral("in_flight"), v.inFlight},
                                    {QStringLiteral("signature"), v.signature.toJson()}});
    }
    QJsonArray history;
    for (int h : status.history)
        history.append(h);
    return {{QStringLiteral("name"), status.spec.name},
            {QStringLiteral("state"), deploymentStateName(status.state)},
            {QStringLiteral("reason"), status.reason},
            {QStringLiteral("spec"), status.spec.toJson()},
            {QStringLiteral("versions"), versions},
            {QStringLiteral("history"), history},
            {QStringLiteral("queue_depth"), status.queueDepth},
            {QStringLiteral("in_flight"), status.inFlight},
            {QStringLiteral("last_request"),
             status.lastRequest.isValid() ? status.lastRequest.toUTC().toString(Qt::ISODateWithMs) : QString()},
            {QStringLiteral("idle_unloaded"), status.idleUnloaded},
            {QStringLiteral("loads"), status.loads},
            {QStringLiteral("unloads"), status.unloads}};
}

QString deploymentEventName(DeploymentEvent e)
{
    switch (e) {
    case DeploymentEvent::Loaded: return QStringLiteral("loaded");
    case DeploymentEvent::ReloadedOnDemand: return QStringLiteral("reloaded_on_demand");
    case DeploymentEvent::Unloaded: return QStringLiteral("unloaded");
    case DeploymentEvent::IdleUnloaded: return QStringLiteral("idle_unloaded");
    case DeploymentEvent::Swapped: return QStringLiteral("swapped");
    case DeploymentEvent::CanaryChanged: return QStringLiteral("canary_changed");
    case DeploymentEvent::Failed: return QStringLiteral("failed");
    case DeploymentEvent::Removed: return QStringLiteral("removed");
    }
    return QStringLiteral("unknown");
}

} // namespace ModelDesk::Runtime

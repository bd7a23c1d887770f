#pragma once
// FakeEngine: an InferenceEngine for the HTTP layer's tests (the real one is exercised in
// tst_servingintegration). Deterministic: every output is computed from the inputs, answers can be
// held and released by the test (for "client gone mid-inference"), and management calls are
// recorded with their actor.
//   output__0: the first input, FP32 values doubled (other datatypes copied unchanged)
//   output__1: INT64 [1] = the version that answered

#include "runtime/inferenceengine.h"
#include "runtime/inferenceobserver.h"

#include <QList>
#include <QMap>
#include <QStringList>
#include <cstring>
#include <functional>
#include <mutex>

namespace ServingTest {

using namespace ModelDesk;
using namespace ModelDesk::Runtime;

inline Signature mlpSignature()
{
    Signature s;
    s.inputs = {TensorSpec{QStringLiteral("input__0"), QStringLiteral("FP32"), {-1, 784}}};
    s.outputs = {TensorSpec{QStringLiteral("output__0"), QStringLiteral("FP32"), {-1, 10}}};
    return s;
}

class FakeEngine final : public InferenceEngine
{
public:
    InferenceObserver *observer = nullptr;
    bool hold = false;                       // keep callbacks until release()

    void add(const QString &name, const QString &model, QList<int> versions, bool isPublic = false)
    {
        std::lock_guard lock(m_mutex);
        DeploymentStatus s;
        s.spec.name = name;
        s.spec.model = model;
        s.spec.version = versions.first();
        s.spec.isPublic = isPublic;
        s.state = DeploymentState::Ready;
        for (int v : versions) {
            VersionStatus vs;
            vs.version = v;
            vs.state = DeploymentState::Ready;
            vs.signature = mlpSignature();
            vs.trafficPercent = v == versions.first() ? 100 : 0;
            s.versions << vs;
        }
        m_deployments.insert(name, s);
    }

    void setState(const QString &name, DeploymentState state, const QString &reason = {})
    {
        std::lock_guard lock(m_mutex);
        auto &s = m_deployments[name];
        s.state = state;
        s.reason = reason;
        for (VersionStatus &v : s.versions)
            v.state = state;
    }

    int heldCount()
    {
        std::lock_guard lock(m_mutex);
        return int(m_held.size());
    }

    // Answers the held requests (on the calling thread, as a runtime worker would).
    void release()
    {
        QList<std::function<void()>> held;
        {
            std::lock_guard lock(m_mutex);
            held.swap(m_held);
        }
        for (auto &f : held)
            f();
    }

    QStringList actions()
    {
        std::lock_guard lock(m_mutex);
        return m_actions;
    }

    // InferenceEngine
    void infer(InferRequest request, InferCallback done) override
    {
        auto rr = std::make_shared<InferRecordAndResult>(compute(request));
        auto finish = [this, done, rr] {
            if (observer)
                observer->onRequest(rr->record);
            done(std::move(rr->result));
        };
        {
            std::lock_guard lock(m_mutex);
            if (hold) {
                m_held << finish;
                return;
            }
        }
        finish();
    }

    QList<DeploymentStatus> deployments() const override
    {
        std::lock_guard lock(m_mutex);
        return m_deployments.values();
    }

    Result<DeploymentStatus> deployment(const QString &name) const override
    {
        std::lock_guard lock(m_mutex);
        auto it = m_deployments.constFind(name);
        if (it == m_deployments.constEnd())
            return fail(Error::notFound(QStringLiteral("unknown model '%1'").arg(name)));
        return *it;
    }

    bool isReady() const override
    {
        std::lock_guard lock(m_mutex);
        for (const DeploymentStatus &s : m_deployments) {
            if (s.state != DeploymentState::Ready)
                return false;
        }
        return true;
    }

    Result<DeploymentStatus> deploy(const DeploymentSpec &spec, const QString &actor) override
    {
        if (auto s = spec.validate(); !s)
            return fail(s.error());
        add(spec.name, spec.model, {spec.version.value_or(1)}, spec.isPublic);
        std::lock_guard lock(m_mutex);
        m_deployments[spec.name].spec = spec;
        m_actions << QStringLiteral("deploy %1 by %2").arg(spec.name, actor);
        return m_deployments[spec.name];
    }

    Result<DeploymentStatus> configure(const QString &name, const BatchingConfig &batching, bool isPublic,
                                       const QString &actor) override
    {
        return change(name, actor, QStringLiteral("configure"), [&](DeploymentStatus &s) -> Status {
            s.spec.batching = batching;
            s.spec.isPublic = isPublic;
            return {};
        });
    }

    Result<DeploymentStatus> swap(const QString &name, int version, const QString &actor) override
    {
        return change(name, actor, QStringLiteral("swap"), [&](DeploymentStatus &s) -> Status {
            s.history << s.versions.first().version;
            s.versions.first().version = version;
            s.spec.version = version;
            return {};
        });
    }

    Result<DeploymentStatus> rollback(const QString &name, const QString &actor) override
    {
        return change(name, actor, QStringLiteral("rollback"), [&](DeploymentStatus &s) -> Status {
            if (s.history.isEmpty())
                return fail(Error::conflict(QStringLiteral("deployment '%1' has no previous version").arg(name)));
            s.versions.first().version = s.history.takeLast();
            s.spec.version = s.versions.first().version;
            return {};
        });
    }

    Result<DeploymentStatus> setCanary(const QString &name, std::optional<int> version, int percent,
                                       const QString &actor) override
    {
        return change(name, actor, QStringLiteral("canary"), [&](DeploymentStatus &s) -> Status {
            s.spec.canaryVersion = version;
            s.spec.canaryPercent = version ? percent : 0;
            return {};
        });
    }

    Result<DeploymentStatus> unload(const QString &name, const QString &actor) override
    {
        return change(name, actor, QStringLiteral("unload"), [&](DeploymentStatus &s) -> Status {
            s.state = DeploymentState::Unloaded;
            return {};
        });
    }

    Status remove(const QString &name, const QString &actor) override
    {
        std::lock_guard lock(m_mutex);
        if (!m_deployments.remove(name))
            return fail(Error::notFound(QStringLiteral("unknown deployment '%1'").arg(name)));
        m_actions << QStringLiteral("remove %1 by %2").arg(name, actor);
        return {};
    }

private:
    struct InferRecordAndResult
    {
        InferenceRecord record;
        InferResult result;
    };

    template <typename F>
    Result<DeploymentStatus> change(const QString &name, const QString &actor, const QString &what, F f)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_deployments.find(name);
        if (it == m_deployments.end())
            return fail(Error::notFound(QStringLiteral("unknown deployment '%1'").arg(name)));
        if (auto s = f(*it); !s)
            return fail(s.error());
        m_actions << QStringLiteral("%1 %2 by %3").arg(what, name, actor);
        return *it;
    }

    InferRecordAndResult compute(const InferRequest &request)
    {
        InferRecordAndResult rr{InferenceRecord{}, InferResult{}};
        rr.record.deployment = request.deployment;
        auto failWith = [&](Error e, int retry = 0) {
            rr.record.error = e.code;
            rr.result = std::unexpected(InferError{std::move(e), retry});
            return rr;
        };
        std::lock_guard lock(m_mutex);
        auto it = m_deployments.constFind(request.deployment);
        if (it == m_deployments.constEnd())
            return failWith(Error::notFound(QStringLiteral("unknown model '%1'").arg(request.deployment)));
        const DeploymentStatus &s = *it;
        rr.record.model = s.spec.model;
        if (s.state != DeploymentState::Ready)
            return failWith({Error::Code::Unavailable, QStringLiteral("model '%1' is not ready").arg(request.deployment)}, 2);
        const int version = request.version.value_or(s.versions.first().version);
        rr.record.version = version;
        if (request.inputs.empty())
            return failWith(Error::invalid(QStringLiteral("no inputs")));
        for (const Tensor &t : request.inputs) {
            if (auto c = t.checkConsistent(); !c)
                return failWith(c.error());
        }
        InferResponse r;
        r.id = request.id;
        r.deployment = request.deployment;
        r.model = s.spec.model;
        r.version = version;
        Tensor out = request.inputs.front();
        out.name = QStringLiteral("output__0");
        if (out.dtype == DataType::Float32) {
            for (qsizetype i = 0; i + 4 <= out.data.size(); i += 4) {
                float f;
                std::memcpy(&f, out.data.constData() + i, 4);
                f *= 2;
                std::memcpy(out.data.data() + i, &f, 4);
            }
        }
        Tensor ver;
        ver.name = QStringLiteral("output__1");
        ver.dtype = DataType::Int64;
        ver.shape = {1};
        const std::int64_t v64 = version;
        ver.data = QByteArray(reinterpret_cast<const char *>(&v64), 8);
        for (const Tensor &t : {out, ver}) {
            if (request.requestedOutputs.isEmpty() || request.requestedOutputs.contains(t.name))
                r.outputs.push_back(t);
        }
        for (const QString &name : request.requestedOutputs) {
            if (name != QLatin1String("output__0") && name != QLatin1String("output__1"))
                return failWith(Error::invalid(QStringLiteral("unknown output '%1'").arg(name)));
        }
        r.timings.queueUs = 5;
        r.timings.computeUs = 10;
        r.timings.batchSize = 1;
        rr.record.queueUs = 5;
        rr.record.computeUs = 10;
        rr.record.totalUs = 20;
        rr.record.batchSize = 1;
        rr.result = std::move(r);
        return rr;
    }

    mutable std::mutex m_mutex;
    QMap<QString, DeploymentStatus> m_deployments;
    QList<std::function<void()>> m_held;
    QStringList m_actions;
};

} // namespace ServingTest

#pragma once
// An InferenceEngine whose deployments() answers what the test put there; everything else is
// Unsupported. Enough for the monitoring side, which only polls the engine.

#include "runtime/inferenceengine.h"

namespace ModelDesk::Monitoring::Testing {

using namespace ModelDesk;

// Only deployments() matters to the observer; the rest answers Unsupported.
class FakeEngine final : public Runtime::InferenceEngine
{
public:
    QList<Runtime::DeploymentStatus> statuses;

    void infer(Runtime::InferRequest, Runtime::InferCallback done) override
    {
        done(std::unexpected(Runtime::InferError{Error::unsupported(QStringLiteral("fake")), 0}));
    }
    QList<Runtime::DeploymentStatus> deployments() const override { return statuses; }
    Result<Runtime::DeploymentStatus> deployment(const QString &) const override { return unsupported(); }
    bool isReady() const override { return true; }
    Result<Runtime::DeploymentStatus> deploy(const Runtime::DeploymentSpec &, const QString &) override
    {
        return unsupported();
    }
    Result<Runtime::DeploymentStatus> configure(const QString &, const Runtime::BatchingConfig &, bool,
                                                const QString &) override
    {
        return unsupported();
    }
    Result<Runtime::DeploymentStatus> swap(const QString &, int, const QString &) override
    {
        return unsupported();
    }
    Result<Runtime::DeploymentStatus> rollback(const QString &, const QString &) override
    {
        return unsupported();
    }
    Result<Runtime::DeploymentStatus> setCanary(const QString &, std::optional<int>, int,
                                                const QString &) override
    {
        return unsupported();
    }
    Result<Runtime::DeploymentStatus> unload(const QString &, const QString &) override
    {
        return unsupported();
    }
    Status remove(const QString &, const QString &) override
    {
        return fail(Error::unsupported(QStringLiteral("fake")));
    }

private:
    static Result<Runtime::DeploymentStatus> unsupported()
    {
        return fail(Error::unsupported(QStringLiteral("fake")));
    }
};

} // namespace ModelDesk::Monitoring::Testing

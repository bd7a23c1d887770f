#include "sweepjob.h"

#include "datasplit.h"
#include "registry/modelcatalog.h"
#include "rundirectory.h"

#include <QJsonArray>

#include <cmath>

namespace ModelDesk::Training {

namespace {

double unitRandom(quint64 seed, quint64 stream)
{
    return double(mixSeed(seed, stream) >> 11) * (1.0 / 9007199254740992.0); // 53 bits -> [0, 1)
}

Result<double> number(const QString &text, const QString &what)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return fail(Error::invalid(QStringLiteral("%1: '%2' is not a number").arg(what, text)));
    return v;
}

Result<int> whole(const QString &text, const QString &what)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok)
        return fail(Error::invalid(QStringLiteral("%1: '%2' is not a whole number").arg(what, text)));
    return v;
}

Result<QList<int>> wholeList(const QString &text, const QString &what)
{
    QList<int> out;
    for (const QString &part : text.split(QLatin1Char('x'), Qt::SkipEmptyParts)) {
        auto v = whole(part, what);
        if (!v)
            return fail(v.error());
        out.append(*v);
    }
    return out;
}

} // namespace

Result<SweepParameter> parseSweepParameter(const QString &text)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0 || eq == text.size() - 1)
        return fail(Error::invalid(QStringLiteral("sweep parameter '%1': use NAME=V1,V2 or NAME=log:LOW:HIGH").arg(text)));
    SweepParameter p;
    p.name = text.left(eq).trimmed();
    const QString spec = text.mid(eq + 1).trimmed();
    // Check the name against a throw-away config, so typos fail before any trial runs.
    TrainingConfig probe;
    const QStringList parts = spec.split(QLatin1Char(':'));
    static const QStringList rangeKinds{QStringLiteral("uniform"), QStringLiteral("log"), QStringLiteral("int")};
    if (parts.size() == 3 && rangeKinds.contains(parts[0])) {
        p.kind = parts[0] == QLatin1String("uniform") ? SweepParameter::Kind::Uniform
                 : parts[0] == QLatin1String("log")   ? SweepParameter::Kind::LogUniform
                                                      : SweepParameter::Kind::IntUniform;
        auto low = number(parts[1], p.name);
        auto high = number(parts[2], p.name);
        if (!low || !high)
            return fail(!low ? low.error() : high.error());
        p.low = *low;
        p.high = *high;
        if (!(p.low < p.high) || (p.kind == SweepParameter::Kind::LogUniform && p.low <= 0))
            return fail(Error::invalid(QStringLiteral("sweep parameter '%1': need LOW < HIGH (and LOW > 0 for log)").arg(text)));
        if (auto ok = applySweepValue(probe, p.name, QString::number(p.low)); !ok)
            return fail(ok.error());
        return p;
    }
    for (const QString &v : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        p.values.append(v.trimmed());
        if (auto ok = applySweepValue(probe, p.name, v.trimmed()); !ok)
            return fail(ok.error());
    }
    if (p.values.isEmpty())
        return fail(Error::invalid(QStringLiteral("sweep parameter '%1' has no values").arg(text)));
    return p;
}

Status applySweepValue(TrainingConfig &c, const QString &name, const QString &value)
{
    auto setDouble = [&](double &target) -> Status {
        auto v = number(value, name);
        if (!v)
            return fail(v.error());
        target = *v;
        return {};
    };
    auto setInt = [&](int &target) -> Status {
        auto v = whole(value, name);
        if (!v)
            return fail(v.error());
        target = *v;
        return {};
    };
    if (name == QLatin1String("lr"))
        return setDouble(c.learningRate);
    if (name == QLatin1String("dropout"))
        return setDouble(c.dropout);
    if (name == QLatin1String("weight-decay"))
        return setDouble(c.weightDecay);
    if (name == QLatin1String("momentum"))
        return setDouble(c.momentum);
    if (name == QLatin1String("grad-clip"))
        return setDouble(c.gradientClip);
    if (name == QLatin1String("batch-size"))
        return setInt(c.batchSize);
    if (name == QLatin1String("epochs"))
        return setInt(c.epochs);
    if (name == QLatin1String("embedding-dim"))
        return setInt(c.embeddingDim);
    if (name == QLatin1String("optimizer")) {
        c.optimizer = value;
        return {};
    }
    if (name == QLatin1String("activation")) {
        c.activation = value;
        return {};
    }
    if (name == QLatin1String("schedule")) {
        c.schedule = value;
        return {};
    }
    // Layer lists inside a comma-separated value list are written with 'x': hidden=128,256x128.
    if (name == QLatin1String("hidden") || name == QLatin1String("channels")) {
        auto list = wholeList(value, name);
        if (!list)
            return fail(list.error());
        if (list->isEmpty())
            return fail(Error::invalid(QStringLiteral("%1: '%2' is not a layer size list (e.g. 128 or 256x128)").arg(name, value)));
        (name == QLatin1String("hidden") ? c.hidden : c.channels) = *list;
        return {};
    }
    return fail(Error::invalid(QStringLiteral("'%1' cannot be swept (use lr, batch-size, epochs, hidden, dropout, weight-decay, "
                                              "momentum, optimizer, activation, schedule, embedding-dim, channels, grad-clip)")
                                   .arg(name)));
}

Result<QList<SweepTrialPlan>> planSweep(const TrainingConfig &base, const SweepSpec &spec)
{
    if (spec.parameters.isEmpty())
        return fail(Error::invalid(QStringLiteral("a sweep needs at least one parameter (--param NAME=VALUES)")));
    if (base.data.validationFraction <= 0)
        return fail(Error::invalid(QStringLiteral("a sweep picks the best trial on the validation split: the validation fraction must be > 0")));
    if (spec.metric != QLatin1String("validation_accuracy") && spec.metric != QLatin1String("validation_loss"))
        return fail(Error::invalid(QStringLiteral("unknown sweep metric '%1' (use validation_accuracy or validation_loss)").arg(spec.metric)));
    QList<QJsonObject> assignments;
    if (spec.search == QLatin1String("grid")) {
        assignments.append(QJsonObject{});
        for (const SweepParameter &p : spec.parameters) {
            if (p.kind != SweepParameter::Kind::Values)
                return fail(Error::invalid(QStringLiteral("grid search needs value lists; '%1' is a range (use --search random)").arg(p.name)));
            QList<QJsonObject> next;
            for (const QJsonObject &a : assignments) {
                for (const QString &v : p.values) {
                    QJsonObject b = a;
                    b.insert(p.name, v);
                    next.append(b);
                }
            }
            assignments = next;
            if (assignments.size() > 1000)
                return fail(Error::invalid(QStringLiteral("the grid has more than 1000 combinations")));
        }
        if (spec.trials > 0 && spec.trials < assignments.size())
            assignments = assignments.mid(0, spec.trials);
    } else if (spec.search == QLatin1String("random")) {
        const int trials = spec.trials > 0 ? spec.trials : 10;
        if (trials > 1000)
            return fail(Error::invalid(QStringLiteral("at most 1000 trials")));
        for (int t = 0; t < trials; ++t) {
            QJsonObject a;
            for (qsizetype i = 0; i < spec.parameters.size(); ++i) {
                const SweepParameter &p = spec.parameters[i];
                const double u = unitRandom(spec.seed, quint64(t) * 1000 + quint64(i));
                QString v;
                switch (p.kind) {
                case SweepParameter::Kind::Values: v = p.values[std::min<qsizetype>(qsizetype(u * double(p.values.size())), p.values.size() - 1)]; break;
                case SweepParameter::Kind::Uniform: v = QString::number(p.low + u * (p.high - p.low), 'g', 6); break;
                case SweepParameter::Kind::LogUniform:
                    v = QString::number(std::exp(std::log(p.low) + u * (std::log(p.high) - std::log(p.low))), 'g', 6);
                    break;
                case SweepParameter::Kind::IntUniform:
                    v = QString::number(qint64(std::floor(p.low + u * (std::floor(p.high) - p.low + 1))));
                    break;
                }
                a.insert(p.name, v);
            }
            assignments.append(a);
        }
    } else {
        return fail(Error::invalid(QStringLiteral("unknown search '%1' (use grid or random)").arg(spec.search)));
    }
    QList<SweepTrialPlan> plans;
    for (qsizetype t = 0; t < assignments.size(); ++t) {
        SweepTrialPlan plan;
        plan.assignment = assignments[t];
        plan.config = base;
        plan.config.registerAs.clear();
        for (auto it = plan.assignment.constBegin(); it != plan.assignment.constEnd(); ++it) {
            if (auto ok = applySweepValue(plan.config, it.key(), it.value().toString()); !ok)
                return fail(ok.error());
        }
        if (auto ok = plan.config.validate(); !ok)
            return fail(Error::invalid(QStringLiteral("trial %1: %2").arg(t + 1).arg(ok.error().message)));
        plans.append(plan);
    }
    return plans;
}

QJsonObject SweepResult::toJson() const
{
    QJsonArray trialsJson;
    for (const SweepTrial &t : trials) {
        QJsonObject o{{QStringLiteral("trial"), t.index + 1},
                      {QStringLiteral("params"), t.assignment},
                      {QStringLiteral("run_id"), t.outcome.runId},
                      {QStringLiteral("state"), t.outcome.state}};
        if (t.hasMetric)
            o.insert(metric, t.metric);
        if (t.outcome.metrics.contains(QStringLiteral("test_accuracy")))
            o.insert(QStringLiteral("test_accuracy"), t.outcome.metrics.value(QStringLiteral("test_accuracy")));
        if (!t.outcome.errorMessage.isEmpty())
            o.insert(QStringLiteral("error"), t.outcome.errorMessage);
        trialsJson.append(o);
    }
    QJsonObject o{{QStringLiteral("sweep_id"), sweepId},
                  {QStringLiteral("metric"), metric},
                  {QStringLiteral("trials"), trialsJson},
                  {QStringLiteral("cancelled"), cancelled}};
    if (best >= 0) {
        o.insert(QStringLiteral("best_trial"), best + 1);
        o.insert(QStringLiteral("best_run_id"), trials[best].outcome.runId);
    }
    if (!model.isEmpty()) {
        o.insert(QStringLiteral("model"), model);
        o.insert(QStringLiteral("version"), version);
    }
    return o;
}

SweepJob::SweepJob(Registry::ModelCatalog *catalog, TrainingConfig base, SweepSpec spec, QString actor, QObject *parent)
    : QObject(parent), m_catalog(catalog), m_base(std::move(base)), m_spec(std::move(spec)), m_actor(std::move(actor))
{
    setAutoDelete(false);
    qRegisterMetaType<ModelDesk::Training::TrainingOutcome>();
    qRegisterMetaType<ModelDesk::Training::TrainingProgress>();
    qRegisterMetaType<ModelDesk::Training::EpochMetrics>();
}

SweepJob::~SweepJob() = default;

void SweepJob::cancel()
{
    m_cancel.store(true);
    QMutexLocker lock(&m_mutex);
    if (m_current)
        m_current->cancel();
}

Result<SweepResult> SweepJob::exec()
{
    run();
    if (!m_ok)
        return fail(m_error);
    return m_result;
}

void SweepJob::run()
{
    m_ok = false;
    m_result = {};
    m_result.metric = m_spec.metric;
    m_result.sweepId = QStringLiteral("sweep-") + RunDirectory::newRunId();
    try {
        auto plans = planSweep(m_base, m_spec);
        if (!plans) {
            m_error = plans.error();
            Q_EMIT finished(false, m_error.message);
            return;
        }
        const bool lowerIsBetter = m_spec.metric == QLatin1String("validation_loss");
        for (qsizetype i = 0; i < plans->size() && !m_cancel.load(); ++i) {
            const SweepTrialPlan &plan = (*plans)[i];
            Q_EMIT trialStarted(int(i), int(plans->size()), plan.assignment);
            TrainingRequest request;
            request.config = plan.config;
            request.actor = m_actor;
            request.sweepId = m_result.sweepId;
            TrainingJob job(m_catalog, request);
            connect(&job, &TrainingJob::progress, this, &SweepJob::progress, Qt::DirectConnection);
            connect(&job, &TrainingJob::epochMetrics, this, &SweepJob::epochMetrics, Qt::DirectConnection);
            {
                QMutexLocker lock(&m_mutex);
                m_current = &job;
            }
            if (m_cancel.load())
                job.cancel();
            job.run();
            {
                QMutexLocker lock(&m_mutex);
                m_current = nullptr;
            }
            SweepTrial trial;
            trial.index = int(i);
            trial.assignment = plan.assignment;
            trial.outcome = job.outcome();
            if (trial.outcome.ok() && trial.outcome.metrics.contains(m_spec.metric)) {
                trial.hasMetric = true;
                trial.metric = trial.outcome.metrics.value(m_spec.metric).toDouble();
                const int best = m_result.best;
                if (best < 0 || (lowerIsBetter ? trial.metric < m_result.trials[best].metric
                                               : trial.metric > m_result.trials[best].metric))
                    m_result.best = int(m_result.trials.size());
            }
            m_result.trials.append(trial);
            Q_EMIT trialFinished(int(i), trial.outcome);
            // A trial that fails for reasons of its own does not stop the sweep; a broken workspace does.
            if (!trial.outcome.ok() && trial.outcome.errorCode == Error::Code::Io) {
                m_error = trial.outcome.error();
                Q_EMIT finished(false, m_error.message);
                return;
            }
        }
        m_result.cancelled = m_cancel.load();
        if (m_result.best < 0) {
            m_error = m_result.cancelled ? Error::cancelled(QStringLiteral("sweep cancelled before any trial finished"))
                                         : Error::invalid(QStringLiteral("no trial of the sweep finished (first error: %1)")
                                                              .arg(m_result.trials.isEmpty() ? QString() : m_result.trials.first().outcome.errorMessage));
            Q_EMIT finished(false, m_error.message);
            return;
        }
        if (!m_base.registerAs.isEmpty()) {
            auto version = registerRunModel(*m_catalog, m_result.trials[m_result.best].outcome.runId, m_base.registerAs,
                                            m_base.description, m_actor);
            if (!version) {
                m_error = version.error();
                Q_EMIT finished(false, m_error.message);
                return;
            }
            m_result.model = version->model;
            m_result.version = version->version;
        }
        m_ok = true;
        Q_EMIT finished(true, {});
    } catch (const std::exception &e) {
        m_error = Error::internal(QStringLiteral("sweep failed: %1").arg(QString::fromUtf8(e.what())));
        Q_EMIT finished(false, m_error.message);
    }
}

} // namespace ModelDesk::Training

// Trainer: each architecture learns small synthetic data in well under a second, training is
// deterministic for a seed, a cancelled run resumed from its checkpoint ends with exactly the weights
// of an uninterrupted one, early stopping, fine-tuning, and the exported TorchScript gives the
// trained network's outputs in C++ and in Debian's Python PyTorch.
#include "training/dataset.h"
#include "training/datasplit.h"
#include "training/preprocessing.h"
#include "training/trainer.h"
#include "trainingtestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using namespace ModelDesk::Training;

namespace {

struct Prepared
{
    TrainingConfig config;
    Dataset data;
    SplitIndices split;
    Preprocessing preprocessing;
};

} // namespace

class tst_Trainer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_csv, m_idx, m_fortunes;

    Prepared prepare(const QString &arch, const QString &path, int epochs = 3)
    {
        Prepared p;
        p.config = TrainingConfig::defaultsFor(arch);
        p.config.data.path = path;
        if (path == m_fortunes)
            p.config.data.topics = {QStringLiteral("cats"), QStringLiteral("code"), QStringLiteral("food")};
        p.config.hidden = arch == QLatin1String("textcnn") ? QList<int>{8} : QList<int>{16};
        p.config.channels = {4, 8};
        p.config.embeddingDim = 8;
        p.config.batchSize = 16;
        p.config.epochs = epochs;
        p.config.learningRate = arch == QLatin1String("textcnn") ? 0.05 : 0.01;
        p.config.logEverySteps = 5;
        auto data = loadDataset(p.config.data);
        if (!data)
            qFatal("%s", qPrintable(data.error().message));
        p.data = std::move(*data);
        p.split = *splitDataset(p.data, p.config.data.validationFraction, 0.2, p.config.seed);
        p.preprocessing = fitPreprocessing(p.data, p.split.train, p.config.data);
        return p;
    }

    static std::unique_ptr<Trainer> make(const Prepared &p)
    {
        auto t = Trainer::create(p.config, p.data, p.split, p.preprocessing);
        if (!t)
            qFatal("%s", qPrintable(t.error().message));
        return std::move(*t);
    }

    static QJsonArray outputsOf(const Trainer &t)
    {
        auto e = t.exportTorchScript({});
        if (!e)
            qFatal("%s", qPrintable(e.error().message));
        return e->check.value(QStringLiteral("output")).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_csv = m_tmp.filePath(QStringLiteral("blobs.csv"));
        QVERIFY(TrainingTestData::writeFile(m_csv, TrainingTestData::blobsCsv(300)));
        m_idx = m_tmp.filePath(QStringLiteral("idx"));
        QVERIFY(TrainingTestData::writeIdxFolder(m_idx, 240, 60, 8, 8, 4, true));
        m_fortunes = m_tmp.filePath(QStringLiteral("fortunes"));
        QVERIFY(TrainingTestData::writeFortunesFolder(m_fortunes, 60));
    }

    void architecturesLearn_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("which");
        QTest::addColumn<int>("epochs");
        QTest::newRow("mlp on a CSV table") << QStringLiteral("mlp") << QStringLiteral("csv") << 3;
        QTest::newRow("mlp on IDX images") << QStringLiteral("mlp") << QStringLiteral("idx") << 3;
        QTest::newRow("cnn on IDX images") << QStringLiteral("cnn") << QStringLiteral("idx") << 3;
        QTest::newRow("textcnn on fortunes") << QStringLiteral("textcnn") << QStringLiteral("fortunes") << 8;
    }

    void architecturesLearn()
    {
        QFETCH(QString, arch);
        QFETCH(QString, which);
        QFETCH(int, epochs);
        const QString path = which == QLatin1String("csv") ? m_csv : which == QLatin1String("idx") ? m_idx : m_fortunes;
        const Prepared p = prepare(arch, path, epochs);
        auto t = make(p);
        QVERIFY(t->parameterCount() > 0);
        QVERIFY(t->architectureSummary().contains(QStringLiteral("total  %1 parameters").arg(t->parameterCount())));
        int epochSignals = 0;
        int stepSignals = 0;
        TrainerHooks hooks;
        hooks.epoch = [&](const EpochMetrics &m) {
            ++epochSignals;
            QCOMPARE(m.epoch, epochSignals);
            QVERIFY(m.hasValidation);
        };
        hooks.step = [&](const StepMetrics &m) {
            ++stepSignals;
            QVERIFY(std::isfinite(m.loss));
        };
        auto result = t->train(hooks, {});
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QCOMPARE(result->epochsDone, epochs);
        QCOMPARE(epochSignals, epochs);
        QVERIFY(stepSignals >= epochs);
        auto report = t->evaluate(Split::Test);
        QVERIFY(report);
        // Far above chance (1/3 or 1/4) on these separable sets.
        QVERIFY2(report->accuracy >= 0.9, qPrintable(QString::number(report->accuracy)));
        QCOMPARE(report->count, qint64(p.split.test.size()));

        auto exported = t->exportTorchScript({{QStringLiteral("run_id"), QStringLiteral("test")}});
        QVERIFY2(exported, exported ? "" : qPrintable(exported.error().message));
        QVERIFY(exported->maxAbsDifference < 1e-4);
        QCOMPARE(exported->parameterCount, t->parameterCount());
        QCOMPARE(exported->signature.inputs.size(), 1);
        const TensorSpec in = exported->signature.inputs.first();
        if (arch == QLatin1String("textcnn")) {
            QCOMPARE(in.dtype, QStringLiteral("INT64"));
            QCOMPARE(in.shape, (QList<qint64>{-1, -1}));
        } else {
            QCOMPARE(in.dtype, QStringLiteral("FP32"));
            QCOMPARE(in.shape, (QList<qint64>{-1, which == QLatin1String("csv") ? 4 : 64}));
        }
        QCOMPARE(exported->signature.outputs.first().shape, (QList<qint64>{-1, p.data.classNames.size()}));
        QVERIFY(exported->signature.schema.startsWith(QLatin1String("forward(")));
    }

    void deterministicForASeed()
    {
        for (int threads : {1, 2}) {
            Prepared p = prepare(QStringLiteral("mlp"), m_csv, 2);
            p.config.threads = threads;
            p.config.dropout = 0.2; // dropout draws from the seed too
            auto a = make(p);
            auto b = make(p);
            QVERIFY(a->train({}, {}));
            QVERIFY(b->train({}, {}));
            QCOMPARE(outputsOf(*a), outputsOf(*b));
            QCOMPARE(a->evaluate(Split::Validation)->loss, b->evaluate(Split::Validation)->loss);
            p.config.seed = 43;
            auto c = make(p);
            QVERIFY(c->train({}, {}));
            QVERIFY(outputsOf(*a) != outputsOf(*c));
        }
    }

    void cancelledAndResumedEqualsUninterrupted()
    {
        Prepared p = prepare(QStringLiteral("mlp"), m_csv, 4);
        p.config.dropout = 0.1;
        auto whole = make(p);
        QVERIFY(whole->train({}, {}));
        const QJsonArray expected = outputsOf(*whole);

        QTemporaryDir dir;
        auto first = make(p);
        const qint64 stopAfter = first->stepsPerEpoch() + first->stepsPerEpoch() / 2; // in the middle of epoch 2
        qint64 steps = 0;
        TrainerHooks hooks;
        hooks.shouldStop = [&] { return steps++ >= stopAfter; };
        auto stopped = first->train(hooks, dir.path());
        QVERIFY(stopped);
        QVERIFY(stopped->cancelled);
        QCOMPARE(stopped->epochsDone, 1);
        QVERIFY(Trainer::hasCheckpoint(dir.path()));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("checkpoint-*.pt")}), QStringList{QStringLiteral("checkpoint-1.pt")});

        auto resumed = make(p); // a new process would start from a fresh network too
        QVERIFY(resumed->loadCheckpoint(dir.path()));
        QCOMPARE(resumed->epochsDone(), 1);
        auto done = resumed->train({}, dir.path());
        QVERIFY(done);
        QCOMPARE(done->epochsDone, 4);
        QCOMPARE(outputsOf(*resumed), expected);
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("checkpoint-*.pt")}), QStringList{QStringLiteral("checkpoint-4.pt")});

        // A damaged checkpoint is refused, not half-loaded.
        QFile f(dir.filePath(QStringLiteral("checkpoint-4.pt")));
        QVERIFY(f.open(QIODevice::Append));
        f.write("x");
        f.close();
        auto broken = make(p);
        const Status loaded = broken->loadCheckpoint(dir.path());
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, Error::Code::Corrupt);
    }

    void earlyStoppingRestoresTheBestEpoch()
    {
        Prepared p = prepare(QStringLiteral("mlp"), m_csv, 60);
        p.config.patience = 2;
        auto t = make(p);
        auto r = t->train({}, {});
        QVERIFY(r);
        QVERIFY(r->stoppedEarly);
        QVERIFY(r->epochsDone < 60);
        QCOMPARE(r->epochsDone, r->bestEpoch + 2);
        QCOMPARE(t->evaluate(Split::Validation)->accuracy, r->bestMetric);
    }

    void fineTuneStartsFromTheParent()
    {
        Prepared p = prepare(QStringLiteral("mlp"), m_csv, 2);
        auto parent = make(p);
        QVERIFY(parent->train({}, {}));
        auto exported = parent->exportTorchScript({});
        QVERIFY(exported);
        auto child = make(p);
        QVERIFY(child->initializeFrom(exported->bytes));
        QCOMPARE(child->evaluate(Split::Test)->loss, parent->evaluate(Split::Test)->loss);
        Prepared other = p;
        other.config.hidden = {8};
        auto mismatch = make(other);
        const Status s = mismatch->initializeFrom(exported->bytes);
        QVERIFY(!s);
        QCOMPARE(s.error().message, QStringLiteral("the parent model's fc0_weight is [16,4], this run needs [8,4]: not the same architecture"));
    }

    void architectureMustFitTheData()
    {
        Prepared p = prepare(QStringLiteral("mlp"), m_fortunes, 1);
        auto t = Trainer::create(p.config, p.data, p.split, p.preprocessing);
        QVERIFY(!t);
        QCOMPARE(t.error().message, QStringLiteral("the mlp architecture needs numeric features or images; this is text data (use --arch textcnn)"));
        p = prepare(QStringLiteral("cnn"), m_csv, 1);
        t = Trainer::create(p.config, p.data, p.split, p.preprocessing);
        QVERIFY(!t);
        QCOMPARE(t.error().message, QStringLiteral("the cnn architecture needs image data (IDX files); use --arch mlp"));
    }

    void exportsLoadInPythonWithTheSameOutputs()
    {
        QJsonArray cases;
        for (const auto &[arch, path] : {std::pair{QStringLiteral("mlp"), m_csv}, std::pair{QStringLiteral("cnn"), m_idx},
                                         std::pair{QStringLiteral("textcnn"), m_fortunes}}) {
            const Prepared p = prepare(arch, path, 2);
            auto t = make(p);
            QVERIFY(t->train({}, {}));
            auto e = t->exportTorchScript({{QStringLiteral("arch"), arch}});
            QVERIFY(e);
            const QString file = m_tmp.filePath(arch + QStringLiteral(".pt"));
            QVERIFY(TrainingTestData::writeFile(file, e->bytes));
            QJsonObject c = e->check;
            c.insert(QStringLiteral("file"), file);
            c.insert(QStringLiteral("arch"), arch);
            if (arch == QLatin1String("textcnn")) {
                // The module's own encode() must tokenize like the C++ TextEncoder.
                const QString text = QStringLiteral("The CAT, purr! of compiler-bug 42 unknownword");
                std::vector<int64_t> ids;
                TextEncoder(p.preprocessing).encode(text, ids);
                QJsonArray expected;
                for (int64_t id : ids)
                    expected.append(qint64(id));
                c.insert(QStringLiteral("text"), text);
                c.insert(QStringLiteral("ids"), expected);
            }
            cases.append(c);
        }
        const QString spec = m_tmp.filePath(QStringLiteral("cases.json"));
        QVERIFY(TrainingTestData::writeFile(spec, QJsonDocument(cases).toJson()));
        const QString script = QStringLiteral(R"(
import json, sys
try:
    import torch
except ImportError:
    sys.exit(3)
for c in json.load(open(sys.argv[1])):
    m = torch.jit.load(c["file"])
    dtype = torch.int64 if c["dtype"] == "INT64" else torch.float32
    x = torch.tensor(c["input"], dtype=dtype)
    with torch.no_grad():
        y = m(x)
    diff = (y - torch.tensor(c["output"])).abs().max().item()
    if diff > 1e-5:
        print(c["arch"], "differs by", diff); sys.exit(1)
    if "text" in c:
        ids = m.encode(c["text"]).tolist()[0]
        if ids != c["ids"]:
            print("encode differs", ids, c["ids"]); sys.exit(1)
        if m(m.encode(c["text"])).shape != (1, len(m.class_names)):
            print("bad shape"); sys.exit(1)
print("ok")
)");
        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, spec});
        QVERIFY(py.waitForFinished(120000));
        if (py.exitCode() == 3)
            QSKIP("/usr/bin/python3 has no torch (install python3-torch to check exported models in Python)");
        const QByteArray out = py.readAllStandardOutput();
        const QByteArray err = py.readAllStandardError();
        QVERIFY2(py.exitCode() == 0, QByteArray(out + err).constData());
        QCOMPARE(out.trimmed(), QByteArray("ok"));
    }
};

QTEST_GUILESS_MAIN(tst_Trainer)
#include "tst_trainer.moc"

// Training runs with encryption at rest (docs/security.md, "Training runs"): real training of a tiny
// MLP into a real workspace (SQLite registry, artifact store) whose master key is protected by a
// passphrase, so no keychain is needed. Checkpoints and the exported model.pt are encrypted while
// written (no plaintext weights or torch archive anywhere in the workspace), resume and late
// registration decrypt in memory, a tampered, truncated, moved or swapped file is refused with a
// message that says so, a locked workspace fails clearly, and enabling / disabling encryption
// converts existing runs' files and back, byte for byte.

#include "../training/trainingtestdata.h"
#include "encryptiontestutil.h"
#include "resultmessage.h"

#include "artifacts/artifactcipher.h"
#include "artifacts/artifactkeyring.h"
#include "registry/modelcatalog.h"
#include "security/workspaceencryption.h"
#include "training/rundirectory.h"
#include "training/trainingjob.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace ModelDesk;
using namespace ModelDesk::Training;
using Registry::ModelCatalog;
using Security::WorkspaceEncryption;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Files under `root` holding a zip local-file header whose entry is part of a torch archive
// ("<archive>/data.pkl", "<archive>/data/0", ...): a plaintext checkpoint or TorchScript file, whole
// or in part.
QStringList filesWithTorchArchive(const QString &root)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray bytes = readAll(path);
        for (qsizetype at = bytes.indexOf("PK\x03\x04"); at >= 0; at = bytes.indexOf("PK\x03\x04", at + 1)) {
            if (at + 30 > bytes.size())
                break;
            const auto *p = reinterpret_cast<const uchar *>(bytes.constData() + at);
            const qsizetype nameSize = qFromLittleEndian<quint16>(p + 26);
            const QByteArray name = bytes.mid(at + 30, nameSize);
            if (name.contains("data.pkl") || name.contains("/data/") || name.contains("constants.pkl")) {
                hits << path + QStringLiteral(" (") + QString::fromLatin1(name) + QLatin1Char(')');
                break;
            }
        }
    }
    return hits;
}

bool isEncrypted(const QString &path) { return ModelDesk::Artifacts::Cipher::hasMagic(readAll(path).left(8)); }

} // namespace

class tst_RunEncryption : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_csv;

    QString root(const QString &name = QStringLiteral("ws")) const { return m_dir->path() + QLatin1Char('/') + name; }

    std::unique_ptr<ModelCatalog> openCatalog(const QString &name = QStringLiteral("ws"))
    {
        auto ws = Workspace::open(root(name));
        if (!ws)
            return {};
        auto catalog = ModelCatalog::open(*ws);
        return catalog ? std::move(*catalog) : nullptr;
    }

    static Security::PassphraseProvider passphrase()
    {
        return []() -> Result<QByteArray> { return kPassphrase; };
    }

    static Result<Security::EncryptionStatus> enable(ModelCatalog &catalog)
    {
        WorkspaceEncryption::EnableOptions options;
        options.keySource = Security::KeySource::Passphrase;
        options.passphrase = passphrase();
        return WorkspaceEncryption(catalog, nullptr).enable(options, QStringLiteral("tester"));
    }

    TrainingConfig config(int epochs) const
    {
        TrainingConfig c = TrainingConfig::defaultsFor(QStringLiteral("mlp"));
        c.data.path = m_csv;
        c.hidden = {64};
        c.batchSize = 16;
        c.epochs = epochs;
        c.learningRate = 0.01;
        c.logEverySteps = 4;
        return c;
    }

    // Trains; with cancelAfter > 0 the job is cancelled once that many epochs are checkpointed.
    static TrainingOutcome train(ModelCatalog &catalog, const TrainingRequest &request, int cancelAfter = 0)
    {
        TrainingJob job(&catalog, request);
        QObject::connect(&job, &TrainingJob::epochMetrics, &job,
                         [&job, cancelAfter](const EpochMetrics &m) {
                             if (cancelAfter > 0 && m.epoch >= cancelAfter)
                                 job.cancel();
                         },
                         Qt::DirectConnection);
        job.run();
        return job.outcome();
    }

    TrainingOutcome trainNew(ModelCatalog &catalog, int epochs, const QString &registerAs = {}, int cancelAfter = 0)
    {
        TrainingRequest request;
        request.config = config(epochs);
        request.config.registerAs = registerAs;
        request.actor = QStringLiteral("tester");
        return train(catalog, request, cancelAfter);
    }

    static TrainingOutcome resume(ModelCatalog &catalog, const QString &runId)
    {
        TrainingRequest request;
        request.resumeRunId = runId;
        request.actor = QStringLiteral("tester");
        return train(catalog, request);
    }

    QString runDir(const QString &ws, const QString &runId) const { return root(ws) + QStringLiteral("/runs/") + runId; }

    QString checkpointOf(const QString &ws, const QString &runId) const
    {
        const QJsonObject state =
            QJsonDocument::fromJson(readAll(runDir(ws, runId) + QStringLiteral("/checkpoint.json"))).object();
        return runDir(ws, runId) + QLatin1Char('/') + state.value(QStringLiteral("file")).toString();
    }

    // 64 bytes from the middle of the largest weight tensor of a registered version.
    static QByteArray needleOf(ModelCatalog &catalog, const QString &model)
    {
        auto v = catalog.resolve(model);
        if (!v)
            return {};
        auto bytes = catalog.readArtifact(*v);
        return bytes ? EncryptionTest::tensorNeedle(*bytes) : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_csv = m_dir->filePath(QStringLiteral("blobs.csv"));
        QVERIFY(TrainingTestData::writeFile(m_csv, TrainingTestData::blobsCsv(240)));
    }
    void cleanup() { m_dir.reset(); }

    // The needle search finds the weights in a plaintext workspace (the control) and nowhere in an
    // encrypted one - registry, WAL, artifacts, runs/, temporary files.
    void trainingWithEncryptionLeavesNoPlaintext()
    {
        auto plainCatalog = openCatalog(QStringLiteral("plain"));
        QVERIFY(plainCatalog);
        const TrainingOutcome control = trainNew(*plainCatalog, 2, QStringLiteral("blobs"));
        QVERIFY2(control.ok(), qPrintable(control.errorMessage));
        const QByteArray controlNeedle = needleOf(*plainCatalog, QStringLiteral("blobs"));
        QVERIFY(!controlNeedle.isEmpty());
        const QStringList controlHits = EncryptionTest::filesContaining(root(QStringLiteral("plain")), controlNeedle);
        QVERIFY2(controlHits.contains(runDir(QStringLiteral("plain"), control.runId) + QStringLiteral("/model.pt")),
                 qPrintable(controlHits.join(QLatin1Char(' '))));
        QVERIFY(controlHits.contains(checkpointOf(QStringLiteral("plain"), control.runId))); // same final weights
        QVERIFY(!filesWithTorchArchive(root(QStringLiteral("plain"))).isEmpty());

        auto catalog = openCatalog();
        QVERIFY(catalog);
        auto st = enable(*catalog);
        QVERIFY2(st, qPrintable(errorOf(st)));
        const TrainingOutcome o = trainNew(*catalog, 2, QStringLiteral("blobs"));
        QVERIFY2(o.ok(), qPrintable(o.errorMessage));
        QVERIFY(isEncrypted(runDir(QStringLiteral("ws"), o.runId) + QStringLiteral("/model.pt")));
        QVERIFY(isEncrypted(checkpointOf(QStringLiteral("ws"), o.runId)));
        const QJsonObject exportInfo =
            QJsonDocument::fromJson(readAll(runDir(QStringLiteral("ws"), o.runId) + QStringLiteral("/export.json"))).object();
        auto version = catalog->resolve(QStringLiteral("blobs"));
        QVERIFY(version);
        QCOMPARE(exportInfo.value(QStringLiteral("sha256")).toString(), version->digest);

        const QByteArray needle = needleOf(*catalog, QStringLiteral("blobs"));
        QVERIFY(!needle.isEmpty());
        const QStringList hits = EncryptionTest::filesContaining(root(), needle);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
        const QStringList archives = filesWithTorchArchive(root());
        QVERIFY2(archives.isEmpty(), qPrintable(archives.join(QLatin1Char(' '))));

        auto after = WorkspaceEncryption(*catalog, nullptr).status();
        QVERIFY(after);
        QCOMPARE(after->runFiles, 2);
        QCOMPARE(after->runFilesEncrypted, 2);
        QVERIFY(after->complete());
    }

    // Cancel after an epoch, resume from the encrypted checkpoint to the end, register the run's
    // encrypted model later: the registered bytes are the model the run exported.
    void resumeAndRegisterAnEncryptedRun()
    {
        auto catalog = openCatalog();
        QVERIFY(catalog);
        QVERIFY(enable(*catalog));
        const TrainingOutcome cancelled = trainNew(*catalog, 3, {}, 1);
        QCOMPARE(cancelled.state, QStringLiteral("cancelled"));
        QCOMPARE(cancelled.epochsDone, 1);
        QVERIFY(isEncrypted(checkpointOf(QStringLiteral("ws"), cancelled.runId)));

        const TrainingOutcome resumed = resume(*catalog, cancelled.runId);
        QVERIFY2(resumed.ok(), qPrintable(resumed.errorMessage));
        QCOMPARE(resumed.epochsDone, 3);
        QVERIFY(isEncrypted(checkpointOf(QStringLiteral("ws"), cancelled.runId)));
        QVERIFY(checkpointOf(QStringLiteral("ws"), cancelled.runId).endsWith(QStringLiteral("checkpoint-3.pt")));

        auto version = registerRunModel(*catalog, cancelled.runId, QStringLiteral("late"), {}, QStringLiteral("tester"));
        QVERIFY2(version, qPrintable(errorOf(version)));
        const QJsonObject exportInfo =
            QJsonDocument::fromJson(readAll(runDir(QStringLiteral("ws"), cancelled.runId) + QStringLiteral("/export.json"))).object();
        QCOMPARE(version->digest, exportInfo.value(QStringLiteral("sha256")).toString());
        auto bytes = catalog->readArtifact(*version);
        QVERIFY(bytes);
        QVERIFY(bytes->startsWith("PK\x03\x04")); // real TorchScript, decrypted
    }

    // Tampered, truncated, swapped and moved run files are refused and say what is wrong; nothing
    // is half-loaded and the run can still be resumed once the file is put back.
    void tamperedOrMovedRunFilesAreRefused()
    {
        auto catalog = openCatalog();
        QVERIFY(catalog);
        QVERIFY(enable(*catalog));
        const TrainingOutcome a = trainNew(*catalog, 3, {}, 1);
        const TrainingOutcome b = trainNew(*catalog, 3, {}, 1);
        QCOMPARE(a.state, QStringLiteral("cancelled"));
        QCOMPARE(b.state, QStringLiteral("cancelled"));
        const QString ckptA = checkpointOf(QStringLiteral("ws"), a.runId);
        const QString ckptB = checkpointOf(QStringLiteral("ws"), b.runId);
        const QByteArray original = readAll(ckptA);

        auto expectRefused = [&](const char *what, const QString &expected) {
            const TrainingOutcome r = resume(*catalog, a.runId);
            QVERIFY2(!r.ok(), what);
            QCOMPARE(r.errorCode, Error::Code::Corrupt);
            QVERIFY2(r.errorMessage.contains(QStringLiteral("checkpoint-1.pt of run ") + a.runId)
                         && r.errorMessage.contains(expected),
                     qPrintable(r.errorMessage));
        };

        // One flipped byte in the last chunk.
        QByteArray flipped = original;
        flipped[flipped.size() - 20] = char(flipped.at(flipped.size() - 20) ^ 0x01);
        QVERIFY(writeAll(ckptA, flipped));
        expectRefused("flipped", QStringLiteral("failed authentication"));

        QVERIFY(writeAll(ckptA, original.left(original.size() - 100)));
        expectRefused("truncated", QStringLiteral("truncated"));

        // Another run's checkpoint (same epoch, same file name) copied over this one, and its
        // recorded digest with it: the binding names run B, so it is refused.
        const QJsonObject stateB = QJsonDocument::fromJson(readAll(runDir(QStringLiteral("ws"), b.runId) + QStringLiteral("/checkpoint.json"))).object();
        const QString stateAPath = runDir(QStringLiteral("ws"), a.runId) + QStringLiteral("/checkpoint.json");
        const QByteArray stateA = readAll(stateAPath);
        QVERIFY(writeAll(ckptA, readAll(ckptB)));
        expectRefused("swapped", QStringLiteral("moved or swapped"));
        QJsonObject forged = QJsonDocument::fromJson(stateA).object();
        forged.insert(QStringLiteral("sha256"), stateB.value(QStringLiteral("sha256")));
        QVERIFY(writeAll(stateAPath, QJsonDocument(forged).toJson()));
        expectRefused("swapped with its digest", QStringLiteral("moved or swapped"));

        // Put back: the run resumes and finishes.
        QVERIFY(writeAll(stateAPath, stateA));
        QVERIFY(writeAll(ckptA, original));
        const TrainingOutcome finished = resume(*catalog, a.runId);
        QVERIFY2(finished.ok(), qPrintable(finished.errorMessage));

        // An exported model moved to another run (with its export.json) is refused at registration.
        const TrainingOutcome c = trainNew(*catalog, 1);
        QVERIFY2(c.ok(), qPrintable(c.errorMessage));
        const QString modelC = runDir(QStringLiteral("ws"), c.runId) + QStringLiteral("/model.pt");
        const QString infoC = runDir(QStringLiteral("ws"), c.runId) + QStringLiteral("/export.json");
        const QByteArray keepModel = readAll(modelC);
        const QByteArray keepInfo = readAll(infoC);
        QVERIFY(writeAll(modelC, readAll(runDir(QStringLiteral("ws"), a.runId) + QStringLiteral("/model.pt"))));
        QVERIFY(writeAll(infoC, readAll(runDir(QStringLiteral("ws"), a.runId) + QStringLiteral("/export.json"))));
        auto moved = registerRunModel(*catalog, c.runId, QStringLiteral("moved"), {}, QStringLiteral("tester"));
        QVERIFY(!moved);
        QCOMPARE(moved.error().code, Error::Code::Corrupt);
        QVERIFY2(moved.error().message.contains(QStringLiteral("model.pt of run ") + c.runId)
                     && moved.error().message.contains(QStringLiteral("moved or swapped")),
                 qPrintable(moved.error().message));
        // Its own checkpoint in place of the model (another role of the same run).
        QVERIFY(writeAll(modelC, readAll(checkpointOf(QStringLiteral("ws"), c.runId))));
        QVERIFY(writeAll(infoC, keepInfo));
        auto role = registerRunModel(*catalog, c.runId, QStringLiteral("role"), {}, QStringLiteral("tester"));
        QVERIFY(!role);
        QVERIFY2(role.error().message.contains(QStringLiteral("moved or swapped")), qPrintable(role.error().message));
        QVERIFY(writeAll(modelC, keepModel));
        QVERIFY(registerRunModel(*catalog, c.runId, QStringLiteral("fine"), {}, QStringLiteral("tester")));
    }

    // Without the key (a locked workspace) nothing falls back to plaintext: resuming and
    // registering fail with the reason, and a new run fails at its first checkpoint.
    void lockedWorkspaceFailsClearly()
    {
        QString runId;
        {
            auto catalog = openCatalog();
            QVERIFY(catalog);
            QVERIFY(enable(*catalog));
            const TrainingOutcome o = trainNew(*catalog, 3, {}, 1);
            QCOMPARE(o.state, QStringLiteral("cancelled"));
            runId = o.runId;
        }
        auto locked = openCatalog(); // no key loader: the key is never unlocked
        QVERIFY(locked);
        const TrainingOutcome r = resume(*locked, runId);
        QVERIFY(!r.ok());
        QCOMPARE(r.errorCode, Error::Code::Unavailable);
        QVERIFY2(r.errorMessage.contains(QStringLiteral("encrypted at rest")), qPrintable(r.errorMessage));

        const TrainingOutcome fresh = trainNew(*locked, 2);
        QVERIFY(!fresh.ok());
        QCOMPARE(fresh.errorCode, Error::Code::Unavailable);
        QVERIFY2(fresh.errorMessage.contains(QStringLiteral("checkpoint-1.pt of run ")), qPrintable(fresh.errorMessage));
        QVERIFY(QDir(runDir(QStringLiteral("ws"), fresh.runId)).entryList({QStringLiteral("checkpoint-*")}, QDir::Files).isEmpty());
    }

    // Runs trained in plaintext are encrypted by enable (no plaintext left, still usable) and
    // decrypted by disable back to the very same bytes.
    void enableAndDisableConvertExistingRuns()
    {
        auto catalog = openCatalog();
        QVERIFY(catalog);
        const TrainingOutcome finished = trainNew(*catalog, 2);
        QVERIFY2(finished.ok(), qPrintable(finished.errorMessage));
        const TrainingOutcome cancelled = trainNew(*catalog, 3, {}, 1);
        QCOMPARE(cancelled.state, QStringLiteral("cancelled"));
        // An export.json from before the digest was recorded: the model is still converted and usable.
        const QString infoPath = runDir(QStringLiteral("ws"), finished.runId) + QStringLiteral("/export.json");
        QJsonObject info = QJsonDocument::fromJson(readAll(infoPath)).object();
        info.remove(QStringLiteral("sha256"));
        QVERIFY(writeAll(infoPath, QJsonDocument(info).toJson()));

        const QStringList files{runDir(QStringLiteral("ws"), finished.runId) + QStringLiteral("/model.pt"),
                                checkpointOf(QStringLiteral("ws"), finished.runId),
                                checkpointOf(QStringLiteral("ws"), cancelled.runId)};
        QList<QByteArray> originals;
        for (const QString &f : files) {
            originals << readAll(f);
            QVERIFY(originals.last().startsWith("PK\x03\x04"));
        }
        const QByteArray needle = EncryptionTest::tensorNeedle(originals.first());
        QVERIFY(!needle.isEmpty());

        auto on = enable(*catalog);
        QVERIFY2(on, qPrintable(errorOf(on)));
        QVERIFY2(on->problems.isEmpty(), qPrintable(on->problems.join(QLatin1Char('\n'))));
        QCOMPARE(on->runFiles, 3);
        QCOMPARE(on->runFilesEncrypted, 3);
        QVERIFY(on->complete());
        for (const QString &f : files)
            QVERIFY2(isEncrypted(f), qPrintable(f));
        const QStringList hits = EncryptionTest::filesContaining(root(), needle);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
        QVERIFY(filesWithTorchArchive(root()).isEmpty());

        // Still usable: resume the cancelled run, register the finished one.
        const TrainingOutcome resumed = resume(*catalog, cancelled.runId);
        QVERIFY2(resumed.ok(), qPrintable(resumed.errorMessage));
        auto v = registerRunModel(*catalog, finished.runId, QStringLiteral("converted"), {}, QStringLiteral("tester"));
        QVERIFY2(v, qPrintable(errorOf(v)));
        auto registered = catalog->readArtifact(*v);
        QVERIFY(registered);
        QCOMPARE(*registered, originals.first());

        auto off = WorkspaceEncryption(*catalog, nullptr).disable(passphrase(), QStringLiteral("tester"));
        QVERIFY2(off, qPrintable(errorOf(off)));
        QVERIFY2(off->problems.isEmpty(), qPrintable(off->problems.join(QLatin1Char('\n'))));
        QCOMPARE(off->runFilesPlain, off->runFiles);
        QCOMPARE(off->runFilesEncrypted, 0);
        QVERIFY(!off->keySetUp);
        QCOMPARE(readAll(files[0]), originals[0]);
        QCOMPARE(readAll(files[1]), originals[1]);
        QVERIFY(readAll(checkpointOf(QStringLiteral("ws"), cancelled.runId)).startsWith("PK\x03\x04"));
    }
};

QTEST_GUILESS_MAIN(tst_RunEncryption)
#include "tst_runencryption.moc"

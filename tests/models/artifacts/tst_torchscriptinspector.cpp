#include "artifacts/torchscriptinspector.h"
#include "testmodels.h"
#include "zipbuilder.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace ModelDesk;
using namespace ModelDesk::Artifacts;

namespace {

constexpr int kOk = -1; // "expected code" column value for files that must be accepted

const QString kPickled = QStringLiteral("this is a pickled Python object (torch.save), not TorchScript: export it "
                                        "with torch.jit.script or torch.jit.trace and torch.jit.save");
const QString kServes = QStringLiteral("ModelDesk serves models whose forward maps tensors to tensor(s)");

QString validator() { return QStringLiteral(MODELDESK_VALIDATE_CHILD); }

// Sets an environment variable for the duration of a scope (the child inherits it).
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value) : m_name(name) { qputenv(name, value); }
    ~ScopedEnv() { qunsetenv(m_name); }

private:
    const char *m_name;
};

QString describe(const Result<TorchScriptInfo> &r)
{
    return r ? QStringLiteral("ok") : Error::codeName(r.error().code) + QStringLiteral(": ") + r.error().message;
}

} // namespace

class tst_TorchScriptInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // The synthetic-archive checks run even where the models could not be generated.
        const QByteArray name = QTest::currentTestFunction();
        if (name != "craftedArchives" && name != "torchVersionMatchesLibTorch")
            MODELDESK_REQUIRE_TEST_MODELS();
    }

    void files_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("outputKind");
        const int invalid = int(Error::Code::InvalidArgument);
        const int unsupported = int(Error::Code::Unsupported);
        QTest::newRow("mlp") << "mlp.pt" << kOk << QString() << "tensor";
        QTest::newRow("mlp_v2") << "mlp_v2.pt" << kOk << QString() << "tensor";
        QTest::newRow("linear") << "linear.pt" << kOk << QString() << "tensor";
        QTest::newRow("tuple_out") << "tuple_out.pt" << kOk << QString() << "tuple[2]";
        QTest::newRow("two_inputs") << "two_inputs.pt" << kOk << QString() << "tensor";
        QTest::newRow("large") << "large.pt" << kOk << QString() << "tensor";
        QTest::newRow("not_tensor") << "not_tensor.pt" << unsupported
                                    << "forward takes a 'str' argument 's'; " + kServes << QString();
        QTest::newRow("dict_out") << "dict_out.pt" << unsupported
                                  << "forward returns 'Dict[str, Tensor]'; " + kServes << QString();
        QTest::newRow("eager_pickle") << "eager_pickle.pt" << invalid << kPickled << QString();
        QTest::newRow("state_dict") << "state_dict.pt" << invalid << kPickled << QString();
        QTest::newRow("zip_slip") << "zip_slip.pt" << invalid << "archive entry '../evil.txt' escapes the archive"
                                  << QString();
        QTest::newRow("truncated") << "truncated.pt" << invalid << "archive is truncated or corrupt" << QString();
        QTest::newRow("empty") << "empty.pt" << invalid << "file is empty" << QString();
        QTest::newRow("random") << "random.bin" << invalid << "not a TorchScript archive (not a zip file)" << QString();
    }

    void files()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        QFETCH(QString, message);
        QFETCH(QString, outputKind);
        const QByteArray bytes = TestData::readModel(file);
        QVERIFY(file == QLatin1String("empty.pt") || !bytes.isEmpty());
        const auto info = inspectBytes(bytes);
        if (code == kOk) {
            QVERIFY2(info, qPrintable(describe(info)));
            QCOMPARE(info->outputKind, outputKind);
        } else {
            QVERIFY2(!info, "accepted a bad file");
            QCOMPARE(int(info.error().code), code);
            QVERIFY2(info.error().message.startsWith(message), qPrintable(info.error().message));
            QVERIFY(!info.error().message.contains(QLatin1Char('\n')));
        }
    }

    // The structure check alone: bad archives fail with the same words, good TorchScript passes
    // (including the valid-but-unsupported ones, which only LibTorch can judge).
    void structureOnly_data() { files_data(); }
    void structureOnly()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        QFETCH(QString, message);
        const auto s = checkArchiveStructure(TestData::readModel(file));
        if (code == kOk || code == int(Error::Code::Unsupported)) {
            QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        } else {
            QVERIFY(!s);
            QVERIFY2(s.error().message.startsWith(message), qPrintable(s.error().message));
        }
    }

    void childProcessAgrees_data() { files_data(); }
    void childProcessAgrees()
    {
        QFETCH(QString, file);
        const auto inProcess = inspectBytes(TestData::readModel(file));
        const auto child = inspectInChildProcess(validator(), TestData::modelPath(file), 60);
        QCOMPARE(describe(child), describe(inProcess));
        if (child) {
            QCOMPARE(child->signature, inProcess->signature);
            QCOMPARE(child->parameterCount, inProcess->parameterCount);
            QCOMPARE(child->outputKind, inProcess->outputKind);
        }
    }

    void mlpSignature()
    {
        const auto info = inspectBytes(TestData::readModel(QStringLiteral("mlp.pt")));
        QVERIFY2(info, qPrintable(describe(info)));
        QCOMPARE(info->parameterCount, 784 * 128 + 128 + 128 * 10 + 10);
        QCOMPARE(info->outputKind, QStringLiteral("tensor"));
        const QList<TensorSpec> inputs{TensorSpec{QStringLiteral("x"), {}, {}}};
        const QList<TensorSpec> outputs{TensorSpec{QStringLiteral("output__0"), {}, {}}};
        QCOMPARE(info->signature.inputs, inputs);
        QCOMPARE(info->signature.outputs, outputs);
        QCOMPARE(info->signature.schema, QStringLiteral("forward(__torch__.MLP self, Tensor x) -> Tensor"));
    }

    void otherSignatures()
    {
        const auto two = inspectBytes(TestData::readModel(QStringLiteral("two_inputs.pt")));
        QVERIFY2(two, qPrintable(describe(two)));
        QCOMPARE(two->signature.inputs.size(), 2);
        QCOMPARE(two->signature.inputs.at(0).name, QStringLiteral("x"));
        QCOMPARE(two->signature.inputs.at(1).name, QStringLiteral("y"));
        QCOMPARE(two->parameterCount, 4 * 2 + 2);

        const auto tuple = inspectBytes(TestData::readModel(QStringLiteral("tuple_out.pt")));
        QVERIFY2(tuple, qPrintable(describe(tuple)));
        QCOMPARE(tuple->outputKind, QStringLiteral("tuple[2]"));
        QCOMPARE(tuple->signature.outputs.size(), 2);
        QCOMPARE(tuple->signature.outputs.at(1).name, QStringLiteral("output__1"));
        QVERIFY2(tuple->signature.schema.endsWith(QLatin1String("-> ((Tensor, Tensor))")), qPrintable(tuple->signature.schema));

        const auto linear = inspectBytes(TestData::readModel(QStringLiteral("linear.pt")));
        QVERIFY(linear);
        QCOMPARE(linear->parameterCount, 4 * 3 + 3);

        const auto large = inspectBytes(TestData::readModel(QStringLiteral("large.pt")));
        QVERIFY(large);
        QCOMPARE(large->parameterCount, 4096 * 4096 + 4096);
        QCOMPARE(large->signature.inputs.at(0).name, QStringLiteral("input")); // nn.Linear's own argument name
    }

    void jsonRoundTrip()
    {
        const auto info = inspectBytes(TestData::readModel(QStringLiteral("tuple_out.pt")));
        QVERIFY(info);
        const QJsonObject json = toJson(*info);
        const auto back = torchScriptInfoFromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
        QVERIFY(back);
        QCOMPARE(back->signature, info->signature);
        QCOMPARE(back->parameterCount, info->parameterCount);
        QCOMPARE(back->outputKind, info->outputKind);

        QJsonObject broken = json;
        broken.insert(QStringLiteral("output_kind"), QStringLiteral("dict"));
        QCOMPARE(torchScriptInfoFromJson(broken).error().code, Error::Code::Internal);
        QCOMPARE(torchScriptInfoFromJson({}).error().code, Error::Code::Internal);
    }

    void validateCommand()
    {
        QString out, err;
        QTextStream o(&out), e(&err);
        QCOMPARE(runValidateArtifactCommand(TestData::modelPath(QStringLiteral("mlp.pt")), o, e), 0);
        const QJsonObject ok = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(ok.value(QStringLiteral("parameter_count")).toInteger(), 101770); // 784*128 + 128 + 128*10 + 10
        QVERIFY(err.isEmpty());

        out.clear();
        QCOMPARE(runValidateArtifactCommand(TestData::modelPath(QStringLiteral("not_tensor.pt")), o, e), 2);
        const QJsonObject bad = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(bad.value(QStringLiteral("code")).toString(), QStringLiteral("unsupported"));
        QCOMPARE(err.trimmed(), bad.value(QStringLiteral("error")).toString());
        QCOMPARE(err.count(QLatin1Char('\n')), 1);

        out.clear();
        err.clear();
        QCOMPARE(runValidateArtifactCommand(TestData::modelPath(QStringLiteral("no-such-file.pt")), o, e), 3);
        QVERIFY(err.contains(QLatin1String("does not exist")));
    }

    void childCrashIsReported_data()
    {
        QTest::addColumn<QByteArray>("fault");
        QTest::addColumn<int>("signal");
        QTest::newRow("segv") << QByteArray("segv") << 11;
        QTest::newRow("abort") << QByteArray("abort") << 6;
    }
    void childCrashIsReported()
    {
        QFETCH(QByteArray, fault);
        QFETCH(int, signal);
        const ScopedEnv env("MODELDESK_TEST_CHILD_FAULT", fault);
        const auto r = inspectInChildProcess(validator(), TestData::modelPath(QStringLiteral("mlp.pt")));
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::InvalidArgument);
        QCOMPARE(r.error().message, QStringLiteral("the file crashed the TorchScript loader (signal %1); it was not "
                                                   "imported")
                                        .arg(signal));
    }

    void childTimeoutKillsIt()
    {
        const ScopedEnv env("MODELDESK_TEST_CHILD_FAULT", "hang");
        const auto r = inspectInChildProcess(validator(), TestData::modelPath(QStringLiteral("mlp.pt")), 1);
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::Timeout);
        QVERIFY2(r.error().message.startsWith(QLatin1String("validation timed out after 1 s")),
                 qPrintable(r.error().message));
    }

    void childMemoryLimitApplies()
    {
#ifdef __SANITIZE_ADDRESS__
        QSKIP("the address-space limit is off in AddressSanitizer builds");
#endif
        const ScopedEnv env("MODELDESK_TEST_CHILD_FAULT", "allocate");
        const auto limited = inspectInChildProcess(validator(), TestData::modelPath(QStringLiteral("mlp.pt")), 60, 1536);
        QVERIFY(!limited);
        QCOMPARE(limited.error().message, QStringLiteral("cannot allocate 2 GiB"));
        // Without a limit the same child gets its memory and validates the file.
        const auto unlimited = inspectInChildProcess(validator(), TestData::modelPath(QStringLiteral("mlp.pt")), 60, 0);
        QVERIFY2(unlimited, qPrintable(describe(unlimited)));
    }

    void childGarbageAndMissingValidator()
    {
        {
            const ScopedEnv env("MODELDESK_TEST_CHILD_FAULT", "garbage");
            const auto r = inspectInChildProcess(validator(), TestData::modelPath(QStringLiteral("mlp.pt")));
            QVERIFY(!r);
            QCOMPARE(r.error().code, Error::Code::Internal);
        }
        const auto noValidator =
            inspectInChildProcess(QStringLiteral("/nonexistent/modeldesk-cli"), TestData::modelPath(QStringLiteral("mlp.pt")));
        QVERIFY(!noValidator);
        QCOMPARE(noValidator.error().code, Error::Code::Unavailable);
        const auto noFile = inspectInChildProcess(validator(), TestData::modelPath(QStringLiteral("missing.pt")));
        QCOMPARE(noFile.error().code, Error::Code::NotFound);
    }

    // Synthetic archives for what the generated files do not cover.
    void craftedArchives_data()
    {
        using TestZip::Entry;
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message"); // empty: must pass the structure check
        const auto shape = TestZip::torchScriptShape();
        auto with = [&](Entry extra) {
            auto entries = shape;
            entries.append(extra);
            return TestZip::build(entries);
        };
        QTest::newRow("torchscript shape") << TestZip::build(shape) << QString();
        QTest::newRow("classic end record only") << TestZip::build(shape, false) << QString();
        {
            auto entries = shape;
            for (Entry &e : entries)
                e.zip64Extra = true;
            QTest::newRow("zip64 extra fields") << TestZip::build(entries) << QString();
        }
        QTest::newRow("absolute") << with({"/etc/cron.d/x", "x"}) << "archive entry '/etc/cron.d/x' escapes the archive";
        QTest::newRow("backslash") << with({"m\\..\\x", "x"}) << "archive entry 'm\\..\\x' escapes the archive";
        QTest::newRow("inner dotdot") << with({"m/code/../../x", "x"}) << "archive entry 'm/code/../../x' escapes the archive";
        QTest::newRow("drive letter") << with({"C:/x", "x"}) << "archive entry 'C:/x' escapes the archive";
        QTest::newRow("duplicate") << with({"m/data.pkl", "y"}) << "archive has two entries named 'm/data.pkl'";
        QTest::newRow("encrypted") << with({"m/extra", "x", 0, 1}) << "archive entry 'm/extra' is encrypted";
        QTest::newRow("bzip2") << with({"m/extra", "x", 12}) << "archive entry 'm/extra' uses compression method 12";
        QTest::newRow("names differ") << with({"m/extra", "x", 0, 0, false, "../evil"})
                                      << "archive is truncated or corrupt (local and central entry names differ)";
        QTest::newRow("no data.pkl") << TestZip::build({{"m/code/x.py", "x"}, {"m/constants.pkl", "x"}})
                                     << "not a TorchScript archive (no m/data.pkl)";
        QTest::newRow("not in a folder") << TestZip::build({{"data.pkl", "x"}})
                                         << "not a TorchScript archive (entry 'data.pkl' is not inside a folder)";
        QTest::newRow("torch.save zip") << TestZip::build({{"archive/data.pkl", "x"}, {"archive/data/0", "x"}})
                                        << kPickled;
        QTest::newRow("empty zip") << TestZip::build({}, false) << "not a TorchScript archive (an empty zip file)";
        QTest::newRow("legacy pickle") << QByteArray("\x80\x02\x8a\x0alW\x9c\xfc", 9) << kPickled;
        QTest::newRow("pickle protocol 0") << QByteArray("(lp0\n.") << "not a TorchScript archive (not a zip file)";
        QTest::newRow("only a local header") << QByteArray("PK\x03\x04", 4) << "archive is truncated or corrupt";
        {
            QByteArray b = TestZip::build(shape, false);
            b[b.size() - 6] = char(0x7f); // central directory offset beyond the file
            QTest::newRow("directory offset out of range") << b << "archive is truncated or corrupt";
        }
        {
            QByteArray b = TestZip::build(shape, false);
            b[b.size() - 12] = char(0x7f); // entry count larger than the directory can hold
            QTest::newRow("entry count") << b << "archive is truncated or corrupt";
        }
        {
            QByteArray b = TestZip::build(shape);
            b.append("trailing garbage"); // the end record must end the file
            QTest::newRow("trailing bytes") << b << "archive is truncated or corrupt";
        }
    }
    void craftedArchives()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const auto s = checkArchiveStructure(bytes);
        if (message.isEmpty()) {
            QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        } else {
            QVERIFY2(!s, "accepted a bad archive");
            QCOMPARE(s.error().code, Error::Code::InvalidArgument);
            QVERIFY2(s.error().message.startsWith(message), qPrintable(s.error().message));
        }
    }

    // Every prefix of a real model and every single-byte change in its zip records must be
    // refused cleanly (or, for data bytes, accepted) - never crash or read out of bounds.
    void damagedCopiesNeverCrashTheCheck()
    {
        const QByteArray whole = TestData::readModel(QStringLiteral("linear.pt"));
        QVERIFY(checkArchiveStructure(whole));
        for (qsizetype n = 0; n < whole.size(); ++n)
            QVERIFY2(!checkArchiveStructure(whole.left(n)), qPrintable(QString::number(n)));
        const qsizetype directory = whole.lastIndexOf("PK\x01\x02") - 2000;
        for (qsizetype at = qMax<qsizetype>(0, directory); at < whole.size(); ++at) {
            for (const uchar flip : {0x01, 0x80, 0xff}) {
                QByteArray copy = whole;
                copy[at] = char(uchar(copy[at]) ^ flip);
                (void)checkArchiveStructure(copy);
            }
        }
    }

    void torchVersionMatchesLibTorch() { QVERIFY(torchVersion().startsWith(QLatin1String("1.13"))); }
};

QTEST_GUILESS_MAIN(tst_TorchScriptInspector)
#include "tst_torchscriptinspector.moc"

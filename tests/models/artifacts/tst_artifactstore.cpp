#include "artifacts/artifactstore.h"
#include "artifacts/stagingfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <thread>

using namespace ModelDesk;
using namespace ModelDesk::Artifacts;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (char &c : bytes)
        c = char(rng.generate() & 0xff);
    return bytes;
}

QString hexSha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Flips one byte in place, as a failing disk or a careless editor would.
bool damage(const QString &path, qint64 at = 0)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(at))
        return false;
    char c = 0;
    if (f.read(&c, 1) != 1 || !f.seek(at))
        return false;
    c = char(c ^ 0x5a);
    return f.write(&c, 1) == 1;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class tst_ArtifactStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString root() const { return m_dir.path() + QStringLiteral("/artifacts"); }
    QString tmp() const { return m_dir.path() + QStringLiteral("/tmp"); }
    ArtifactStore store() const { return ArtifactStore(root(), tmp()); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(root()).removeRecursively();
        QDir(tmp()).removeRecursively();
    }

    void putBytesLayoutAndRead()
    {
        const QByteArray bytes = randomBytes(5000, 1);
        const QString expected = hexSha256(bytes);
        const auto stored = store().putBytes(bytes);
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
        QCOMPARE(stored->digest, expected);
        QCOMPARE(stored->size, 5000);
        QCOMPARE(stored->path, root() + QStringLiteral("/sha256/") + expected.left(2) + QLatin1Char('/') + expected);
        QCOMPARE(store().pathFor(expected), stored->path);
        QCOMPARE(readFile(stored->path), bytes);
        QVERIFY(store().contains(expected));

        const auto read = store().read(expected);
        QVERIFY(read);
        QCOMPARE(*read, bytes);
        QVERIFY(store().verify(expected));
        QVERIFY(filesIn(tmp()).isEmpty());
    }

    void emptyArtifact()
    {
        const auto stored = store().putBytes({});
        QVERIFY(stored);
        QCOMPARE(stored->digest, QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(stored->size, 0);
        const auto read = store().read(stored->digest);
        QVERIFY(read);
        QVERIFY(read->isEmpty());
    }

    void putFileStreamsWithProgress()
    {
        // Several chunks and a partial last one.
        const QByteArray bytes = randomBytes((3 << 20) + 12345, 2);
        const QString source = m_dir.path() + QStringLiteral("/source.bin");
        QVERIFY(writeFile(source, bytes));
        QList<QPair<qint64, qint64>> calls;
        const auto stored = store().putFile(source, [&](qint64 done, qint64 total) {
            calls.append({done, total});
            return true;
        });
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
        QCOMPARE(stored->digest, hexSha256(bytes));
        QCOMPARE(stored->size, bytes.size());
        QCOMPARE(readFile(stored->path), bytes);
        QVERIFY(calls.size() >= 4);
        for (qsizetype i = 1; i < calls.size(); ++i)
            QVERIFY(calls.at(i).first > calls.at(i - 1).first);
        QCOMPARE(calls.last(), qMakePair(qint64(bytes.size()), qint64(bytes.size())));
        QVERIFY(filesIn(tmp()).isEmpty());

        const auto hashed = ArtifactStore::sha256File(source);
        QVERIFY(hashed);
        QCOMPARE(*hashed, hexSha256(bytes));
        QCOMPARE(ArtifactStore::sha256(bytes), hexSha256(bytes));
    }

    void putFileErrors()
    {
        const auto missing = store().putFile(m_dir.path() + QStringLiteral("/nope.pt"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QVERIFY(missing.error().message.contains(QLatin1String("nope.pt")));

        const auto folder = store().putFile(m_dir.path());
        QVERIFY(!folder);
        QCOMPARE(folder.error().code, Error::Code::InvalidArgument);

        const auto hashMissing = ArtifactStore::sha256File(m_dir.path() + QStringLiteral("/nope.pt"));
        QVERIFY(!hashMissing);
        QCOMPARE(hashMissing.error().code, Error::Code::NotFound);
        QVERIFY(filesIn(tmp()).isEmpty());
    }

    void sameBytesAreStoredOnce()
    {
        const QByteArray bytes = randomBytes(10000, 3);
        const QString source = m_dir.path() + QStringLiteral("/source.bin");
        QVERIFY(writeFile(source, bytes));
        const auto a = store().putBytes(bytes);
        const auto b = store().putFile(source);
        QVERIFY(a && b);
        QCOMPARE(a->path, b->path);
        const auto listed = store().list();
        QVERIFY(listed);
        QCOMPARE(*listed, QStringList{a->digest});
        QVERIFY(filesIn(tmp()).isEmpty());
    }

    void concurrentPutsOfSameBytes()
    {
        const QByteArray bytes = randomBytes(3 << 20, 4);
        Result<StoredArtifact> results[4];
        std::vector<std::thread> threads;
        for (auto &r : results)
            threads.emplace_back([&r, &bytes, this] { r = store().putBytes(bytes); });
        for (auto &t : threads)
            t.join();
        for (const auto &r : results) {
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            QCOMPARE(r->digest, hexSha256(bytes));
        }
        QVERIFY(store().verify(hexSha256(bytes)));
        QCOMPARE(store().list()->size(), 1);
        QVERIFY(filesIn(tmp()).isEmpty());
    }

    void putReplacesDamagedCopy()
    {
        const QByteArray bytes = randomBytes(4096, 5);
        const auto first = store().putBytes(bytes);
        QVERIFY(first);
        QVERIFY(damage(first->path, 100));
        QVERIFY(!store().verify(first->digest));
        const auto again = store().putBytes(bytes);
        QVERIFY(again);
        QVERIFY(store().verify(first->digest));
        QCOMPARE(readFile(first->path), bytes);
        QVERIFY(filesIn(tmp()).isEmpty());
    }

    void corruptionNamesTheContext()
    {
        const QByteArray bytes = randomBytes(4096, 6);
        const auto stored = store().putBytes(bytes);
        QVERIFY(stored);
        QVERIFY(damage(stored->path, 7));
        const QString context = QStringLiteral("model 'fashion' version 3");
        const QString found = hexSha256(readFile(stored->path));

        const auto read = store().read(stored->digest, context);
        QVERIFY(!read);
        QCOMPARE(read.error().code, Error::Code::Corrupt);
        QCOMPARE(read.error().message, QStringLiteral("artifact %1 of model 'fashion' version 3 is corrupt: expected "
                                                      "sha256 %1, found %2")
                                           .arg(stored->digest, found));

        const auto verified = store().verify(stored->digest, context);
        QVERIFY(!verified);
        QCOMPARE(verified.error().code, Error::Code::Corrupt);
        QVERIFY(verified.error().message.contains(context));

        // A damaged artifact is never exported, and the destination is left as it was.
        const QString outDir = m_dir.path() + QStringLiteral("/corrupt-export");
        QVERIFY(QDir().mkpath(outDir));
        const QString destination = outDir + QStringLiteral("/export.pt");
        QVERIFY(writeFile(destination, "previous"));
        const auto exported = store().exportTo(stored->digest, destination, context);
        QVERIFY(!exported);
        QCOMPARE(exported.error().code, Error::Code::Corrupt);
        QCOMPARE(readFile(destination), QByteArray("previous"));
        QCOMPARE(filesIn(outDir), QStringList{QStringLiteral("export.pt")});
    }

    void missingArtifact()
    {
        const QString digest = hexSha256("never stored");
        QVERIFY(!store().contains(digest));
        const auto read = store().read(digest, QStringLiteral("model 'x' version 1"));
        QVERIFY(!read);
        QCOMPARE(read.error().code, Error::Code::NotFound);
        QVERIFY(read.error().message.contains(QLatin1String("model 'x' version 1")));
        QCOMPARE(store().verify(digest).error().code, Error::Code::NotFound);
        QCOMPARE(store().remove(digest).error().code, Error::Code::NotFound);
        QCOMPARE(store().exportTo(digest, m_dir.path() + QStringLiteral("/out.pt")).error().code, Error::Code::NotFound);
        QVERIFY(!QFile::exists(m_dir.path() + QStringLiteral("/out.pt")));
        const auto listed = store().list();
        QVERIFY(listed);
        QVERIFY(listed->isEmpty());
    }

    void cancelLeavesNothing()
    {
        const QByteArray bytes = randomBytes(3 << 20, 7);
        const QString source = m_dir.path() + QStringLiteral("/source.bin");
        QVERIFY(writeFile(source, bytes));
        int calls = 0;
        const auto stored = store().putFile(source, [&](qint64, qint64) { return ++calls < 2; });
        QVERIFY(!stored);
        QCOMPARE(stored.error().code, Error::Code::Cancelled);
        QCOMPARE(calls, 2);
        QVERIFY(!store().contains(hexSha256(bytes)));
        QVERIFY(filesIn(tmp()).isEmpty());
        QVERIFY(store().list()->isEmpty());
    }

    void writeFailureIsIoAndRemovesTemp()
    {
        // A file-size limit makes write(2) fail the way a full disk does, without needing one.
        struct sigaction ignore {}, previous {};
        ignore.sa_handler = SIG_IGN;
        sigaction(SIGXFSZ, &ignore, &previous);
        rlimit old {};
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit limited = old;
        limited.rlim_cur = 1 << 20;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
        const auto stored = store().putBytes(randomBytes(3 << 20, 8));
        setrlimit(RLIMIT_FSIZE, &old);
        sigaction(SIGXFSZ, &previous, nullptr);

        QVERIFY(!stored);
        QCOMPARE(stored.error().code, Error::Code::Io);
        QVERIFY2(stored.error().message.startsWith(QLatin1String("cannot write '") + tmp()),
                 qPrintable(stored.error().message));
        QVERIFY(filesIn(tmp()).isEmpty());
        QVERIFY(store().list()->isEmpty());
    }

    void cleanTemporaryFilesSparesLiveWriters()
    {
        QVERIFY(QDir().mkpath(tmp()));
        QVERIFY(writeFile(tmp() + QStringLiteral("/artifact-crashed1.part"), "half"));
        QVERIFY(writeFile(tmp() + QStringLiteral("/artifact-crashed2.part"), "half"));
        QVERIFY(writeFile(tmp() + QStringLiteral("/someone-elses.txt"), "keep"));
        StagingFile live(tmp()); // a writer in progress holds its lock
        QVERIFY(live.open());
        QVERIFY(live.write("in progress"));

        QCOMPARE(store().cleanTemporaryFiles(), 2);
        QVERIFY(QFile::exists(live.path()));
        QVERIFY(QFile::exists(tmp() + QStringLiteral("/someone-elses.txt")));
        QCOMPARE(filesIn(tmp()).size(), 2);
        QCOMPARE(store().cleanTemporaryFiles(), 0);
    }

    void exportIsAtomicAndRefusesFolders()
    {
        const QByteArray bytes = randomBytes(200000, 9);
        const auto stored = store().putBytes(bytes);
        QVERIFY(stored);
        const QString outDir = m_dir.path() + QStringLiteral("/out");
        QVERIFY(QDir().mkpath(outDir));
        const QString destination = outDir + QStringLiteral("/model.pt");

        QVERIFY(store().exportTo(stored->digest, destination));
        QCOMPARE(readFile(destination), bytes);
        QVERIFY(writeFile(destination, "older content"));
        QVERIFY(store().exportTo(stored->digest, destination));
        QCOMPARE(readFile(destination), bytes);
        QCOMPARE(filesIn(outDir), QStringList{QStringLiteral("model.pt")}); // no temporary left behind

        const auto toFolder = store().exportTo(stored->digest, outDir);
        QVERIFY(!toFolder);
        QCOMPARE(toFolder.error().code, Error::Code::InvalidArgument);
        QVERIFY(QFileInfo(outDir).isDir());

        const auto noFolder = store().exportTo(stored->digest, outDir + QStringLiteral("/missing/model.pt"));
        QVERIFY(!noFolder);
        QCOMPARE(noFolder.error().code, Error::Code::NotFound);
    }

    void removeDeletesFileAndEmptyShard()
    {
        const auto a = store().putBytes("first");
        const auto b = store().putBytes("second");
        QVERIFY(a && b);
        const QString shardA = QFileInfo(a->path).absolutePath();
        QVERIFY(store().remove(a->digest));
        QVERIFY(!QFile::exists(a->path));
        if (a->digest.left(2) != b->digest.left(2))
            QVERIFY(!QDir(shardA).exists());
        QVERIFY(QDir(root() + QStringLiteral("/sha256")).exists());
        QCOMPARE(*store().list(), QStringList{b->digest});
        // The same bytes can come back after a removal.
        QVERIFY(store().putBytes("first"));
        QVERIFY(store().verify(a->digest));
    }

    void listIgnoresJunk()
    {
        const auto a = store().putBytes("alpha");
        const auto b = store().putBytes("beta");
        QVERIFY(a && b);
        const QString base = root() + QStringLiteral("/sha256/");
        const QString other = hexSha256("gamma");
        QVERIFY(QDir().mkpath(base + QStringLiteral("zz")));
        QVERIFY(writeFile(base + QStringLiteral("zz/") + other, "x"));                       // bad shard name
        QVERIFY(writeFile(base + a->digest.left(2) + QStringLiteral("/notes.txt"), "x"));    // not a digest
        QVERIFY(writeFile(base + a->digest.left(2) + QLatin1Char('/') + other.toUpper(), "x")); // upper case
        const QString wrongShard = (a->digest.left(2) == other.left(2)) ? b->digest.left(2) : a->digest.left(2);
        QVERIFY(writeFile(base + wrongShard + QLatin1Char('/') + other, "x"));                // mis-sharded
        QVERIFY(writeFile(base + other, "x"));                                                // not in a shard
        QVERIFY(QDir().mkpath(base + a->digest.left(2) + QLatin1Char('/') + hexSha256("dir")));  // a folder
        QStringList expected{a->digest, b->digest};
        expected.sort();
        const auto listed = store().list();
        QVERIFY(listed);
        QCOMPARE(*listed, expected);
    }

    void invalidDigestsAreRefused_data()
    {
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QString();
        QTest::newRow("short") << QStringLiteral("abc");
        QTest::newRow("upper case") << hexSha256("x").toUpper();
        QTest::newRow("65 chars") << hexSha256("x") + QLatin1Char('0');
        QTest::newRow("traversal") << QStringLiteral("../../../../etc/passwd");
        QTest::newRow("slash inside") << hexSha256("x").left(30) + QStringLiteral("/../") + hexSha256("x").left(30);
        QTest::newRow("trailing newline") << hexSha256("x") + QLatin1Char('\n');
        QTest::newRow("not hex") << QString(64, QLatin1Char('g'));
    }
    void invalidDigestsAreRefused()
    {
        QFETCH(QString, digest);
        const ArtifactStore s = store();
        QVERIFY(s.pathFor(digest).isEmpty());
        QVERIFY(!s.contains(digest));
        QCOMPARE(s.read(digest).error().code, Error::Code::InvalidArgument);
        QCOMPARE(s.verify(digest).error().code, Error::Code::InvalidArgument);
        QCOMPARE(s.remove(digest).error().code, Error::Code::InvalidArgument);
        const QString destination = m_dir.path() + QStringLiteral("/out.pt");
        QCOMPARE(s.exportTo(digest, destination).error().code, Error::Code::InvalidArgument);
        QVERIFY(!QFile::exists(destination));
    }
};

QTEST_GUILESS_MAIN(tst_ArtifactStore)
#include "tst_artifactstore.moc"

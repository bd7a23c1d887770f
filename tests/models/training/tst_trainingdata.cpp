// Datasets: reading CSV, text CSV, IDX and fortunes data, the precise errors for bad data, the
// deterministic split, preprocessing and the tokenizer. No LibTorch involved.
#include "training/dataset.h"
#include "training/datasplit.h"
#include "training/evaluation.h"
#include "training/preprocessing.h"
#include "training/trainingconfig.h"
#include "trainingtestdata.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using namespace ModelDesk::Training;

class tst_TrainingData : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_tmp.filePath(name);
        TrainingTestData::writeFile(path, bytes);
        return path;
    }

    static Result<Dataset> load(const QString &path, const QString &kind = {}, const QString &label = {})
    {
        DataOptions o;
        o.path = path;
        o.kind = kind;
        o.labelColumn = label;
        return loadDataset(o);
    }

private Q_SLOTS:
    void csvWithHeaderAndTextLabels()
    {
        const QString path = write(QStringLiteral("blobs.csv"), TrainingTestData::blobsCsv(30));
        auto d = load(path);
        QVERIFY2(d, d ? "" : qPrintable(d.error().message));
        QCOMPARE(d->kind, QStringLiteral("csv"));
        QCOMPARE(d->rows(), 30);
        QCOMPARE(d->featureNames, (QStringList{QStringLiteral("f1"), QStringLiteral("f2"), QStringLiteral("f3"), QStringLiteral("f4")}));
        QCOMPARE(d->classNames, (QStringList{QStringLiteral("class0"), QStringLiteral("class1"), QStringLiteral("class2")}));
        QCOMPARE(d->labelColumn, QStringLiteral("label"));
        QCOMPARE(d->classCounts(), (QList<qint64>{10, 10, 10}));
        QCOMPARE(d->digest.size(), 64);
        QCOMPARE(d->toRecord(QStringLiteral("blobs")).features, 4);
    }

    void csvWithoutHeaderLabelLastAndChosenColumn()
    {
        const QString path = write(QStringLiteral("nohead.csv"), "1,0.5,a\n2,0.25,b\n3,0.125,a\n");
        auto d = load(path);
        QVERIFY2(d, d ? "" : qPrintable(d.error().message));
        QCOMPARE(d->rows(), 3);
        QCOMPARE(d->featureNames.size(), 2);
        QCOMPARE(d->labels, (std::vector<int64_t>{0, 1, 0}));
        QCOMPARE(d->features[3], 0.25f);
        // Label chosen by number: column 1 holds integer class ids.
        const QString ids = write(QStringLiteral("ids.csv"), "y,x1,x2\n1,0.5,2\n0,0.7,3\n2,0.1,4\n");
        auto e = load(ids, {}, QStringLiteral("1"));
        QVERIFY2(e, e ? "" : qPrintable(e.error().message));
        QCOMPARE(e->labelColumn, QStringLiteral("y"));
        QCOMPARE(e->classNames.size(), 3);
        QCOMPARE(e->labels, (std::vector<int64_t>{1, 0, 2}));
        // Quoted fields, CRLF, a byte-order mark and blank lines are fine.
        const QString quoted = write(QStringLiteral("quoted.csv"), "\xEF\xBB\xBF\"a\",\"b\",label\r\n\"1.5\",2,x\r\n\r\n3,4,\"y\"\r\n");
        auto q = load(quoted);
        QVERIFY2(q, q ? "" : qPrintable(q.error().message));
        QCOMPARE(q->featureNames.first(), QStringLiteral("a"));
        QCOMPARE(q->rows(), 2);
    }

    void badCsv_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("expected"); // part of the message after the file name
        QTest::newRow("empty file") << QByteArray() << QString() << QStringLiteral(": the file is empty");
        QTest::newRow("only blanks") << QByteArray("\n\n  \n") << QString() << QStringLiteral(": the file is empty");
        QTest::newRow("missing label column") << QByteArray("a,b,c\n1,2,3\n4,5,6\n") << QStringLiteral("kind")
                                              << QStringLiteral(":1: missing label column 'kind' (columns: a, b, c)");
        QTest::newRow("label column number out of range") << QByteArray("a,b\n1,2\n") << QStringLiteral("5")
                                                          << QStringLiteral(": no label column 5: the file has 2 columns");
        QTest::newRow("ragged row") << QByteArray("a,b,label\n1,2,x\n3,4\n5,6,y\n") << QString()
                                    << QStringLiteral(":3: ragged row: 2 columns, expected 3 (as in line 1)");
        QTest::newRow("non-numeric cell") << QByteArray("a,b,label\n1,2,x\n3,abc,y\n") << QString()
                                          << QStringLiteral(":3: column 2 ('b'): 'abc' is not a number");
        QTest::newRow("missing value") << QByteArray("a,b,label\n1,,x\n3,4,y\n") << QString()
                                       << QStringLiteral(":2: column 2 ('b'): empty cell (missing value)");
        QTest::newRow("infinite value") << QByteArray("a,b,label\n1,inf,x\n3,4,y\n") << QString()
                                        << QStringLiteral(":2: column 2 ('b'): 'inf' is not a number");
        QTest::newRow("one class only") << QByteArray("a,label\n1,x\n2,x\n3,x\n") << QString()
                                        << QStringLiteral(": only one class ('x') in label column 2 ('label'); a classifier needs at least two");
        QTest::newRow("negative class id") << QByteArray("a,label\n1,0\n2,-1\n3,1\n") << QString()
                                           << QStringLiteral(":3: label column 2 ('label'): label -1 is out of range (class ids must be 0..99999)");
        QTest::newRow("header only") << QByteArray("a,b,label\n") << QString()
                                     << QStringLiteral(": no data rows after the header (line 1)");
        QTest::newRow("no feature column") << QByteArray("label\nx\ny\n") << QString()
                                           << QStringLiteral(": needs at least one feature column besides the label column (found 1 column)");
        QTest::newRow("unterminated quote") << QByteArray("a,label\n1,x\n\"2,y\n") << QString()
                                            << QStringLiteral(":3: unterminated quoted field");
    }

    void badCsv()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, label);
        QFETCH(QString, expected);
        const QString path = write(QStringLiteral("bad.csv"), content);
        auto d = load(path, QStringLiteral("csv"), label);
        QVERIFY(!d);
        QCOMPARE(d.error().code, Error::Code::InvalidArgument);
        QCOMPARE(d.error().message, path + expected);
    }

    void labelsOutOfRangeWithClassCount()
    {
        const QString path = write(QStringLiteral("range.csv"), "a,label\n1,0\n2,1\n3,3\n");
        DataOptions o;
        o.path = path;
        o.classes = 3;
        auto d = loadDataset(o);
        QVERIFY(!d);
        QCOMPARE(d.error().message, path + QStringLiteral(":4: label column 2 ('label'): label 3 is out of range (class ids must be 0..2)"));
    }

    void textCsv()
    {
        const QString path = write(QStringLiteral("texts.csv"), "text,label\n\"Hello, world\",greeting\n\"Bye\nnow\",farewell\nhi there,greeting\n");
        QCOMPARE(detectDatasetKind(path), QStringLiteral("text-csv"));
        auto d = load(path);
        QVERIFY2(d, d ? "" : qPrintable(d.error().message));
        QCOMPARE(d->kind, QStringLiteral("text-csv"));
        QCOMPARE(d->texts.size(), 3);
        QCOMPARE(d->texts[1], QStringLiteral("Bye\nnow"));
        QCOMPARE(d->classNames, (QStringList{QStringLiteral("farewell"), QStringLiteral("greeting")}));
        // Line numbers count the line break inside the quoted field.
        const QString bad = write(QStringLiteral("badtexts.csv"), "text,label\n\"a\nb\",x\nc\n");
        auto e = load(bad, QStringLiteral("text-csv"));
        QVERIFY(!e);
        QCOMPARE(e.error().message, bad + QStringLiteral(":4: ragged row: 1 columns, expected 2 (as in line 1)"));
    }

    void idxPlainAndGzipped()
    {
        for (bool gz : {false, true}) {
            const QString dir = m_tmp.filePath(gz ? QStringLiteral("idx-gz") : QStringLiteral("idx-plain"));
            QVERIFY(TrainingTestData::writeIdxFolder(dir, 50, 20, 8, 6, 4, gz));
            QCOMPARE(detectDatasetKind(dir), QStringLiteral("idx"));
            auto d = load(dir);
            QVERIFY2(d, d ? "" : qPrintable(d.error().message));
            QCOMPARE(d->rows(), 70);
            QCOMPARE(d->testStart, 50);
            QCOMPARE(d->height, 8);
            QCOMPARE(d->width, 6);
            QCOMPARE(d->featureCount(), 48);
            QCOMPARE(d->classNames.size(), 4);
            QCOMPARE(d->files.size(), 4);
            QCOMPARE(qint64(d->pixels.size()), 70 * 48);
            auto split = splitDataset(*d, 0.2, 0.5, 1);
            QVERIFY(split);
            QCOMPARE(split->test.size(), size_t(20)); // the t10k files, whatever the test fraction
            QCOMPARE(split->validation.size(), size_t(10));
            QCOMPARE(split->train.size(), size_t(40));
        }
        // The same images plain or gzipped are different bytes: different digests.
        auto plain = load(m_tmp.filePath(QStringLiteral("idx-plain")));
        auto gz = load(m_tmp.filePath(QStringLiteral("idx-gz")));
        QVERIFY(plain->digest != gz->digest);
        QCOMPARE(plain->labels, gz->labels);
    }

    void badIdx()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("idx-bad"));
        QVERIFY(TrainingTestData::writeIdxFolder(dir, 20, 0, 4, 4, 3));
        const QString images = dir + QStringLiteral("/train-images-idx3-ubyte");
        const QString labels = dir + QStringLiteral("/train-labels-idx1-ubyte");
        QFile f(images);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        f.close();
        QFile lf(labels);
        QVERIFY(lf.open(QIODevice::ReadOnly));
        const QByteArray goodLabels = lf.readAll();
        lf.close();

        // Wrong magic.
        QByteArray wrong = good;
        wrong[3] = 0x01;
        QVERIFY(TrainingTestData::writeFile(images, wrong));
        auto d = load(dir);
        QVERIFY(!d);
        QCOMPARE(d.error().message, images + QStringLiteral(": wrong IDX magic 0x00000801, expected 0x00000803 (unsigned bytes, 3 dimensions)"));
        // Data shorter than the header's sizes.
        QVERIFY(TrainingTestData::writeFile(images, good.left(good.size() - 5)));
        d = load(dir);
        QVERIFY(!d);
        QCOMPARE(d.error().message, images + QStringLiteral(": wrong IDX size: the header says 20x4x4 (336 bytes) but the data has 331 bytes"));
        // Label count differs from the image count.
        QVERIFY(TrainingTestData::writeFile(images, good));
        QByteArray fewer = goodLabels.left(goodLabels.size() - 1);
        fewer[7] = 19;
        QVERIFY(TrainingTestData::writeFile(labels, fewer));
        d = load(dir);
        QVERIFY(!d);
        QCOMPARE(d.error().message, labels + QStringLiteral(": 19 labels for 20 images in train-images-idx3-ubyte"));
        // Label out of the given class range.
        QByteArray outOfRange = goodLabels;
        outOfRange[8 + 5] = 7;
        QVERIFY(TrainingTestData::writeFile(labels, outOfRange));
        DataOptions o;
        o.path = dir;
        o.classes = 3;
        d = loadDataset(o);
        QVERIFY(!d);
        QCOMPARE(d.error().message, labels + QStringLiteral(": label 7 of item 5 is out of range (3 classes, 0..2, as given)"));
        // One class only.
        QByteArray single = goodLabels;
        for (qsizetype i = 8; i < single.size(); ++i)
            single[i] = 2;
        QVERIFY(TrainingTestData::writeFile(labels, single));
        d = load(dir);
        QVERIFY(!d);
        QCOMPARE(d.error().message, labels + QStringLiteral(": only one class ('2') in the labels; a classifier needs at least two"));
        // A corrupt gzip stream.
        QVERIFY(TrainingTestData::writeFile(labels, goodLabels));
        QVERIFY(QFile::remove(images));
        QVERIFY(TrainingTestData::writeFile(images + QStringLiteral(".gz"), TrainingTestData::gzip(good).left(40)));
        d = load(dir);
        QVERIFY(!d);
        QVERIFY2(d.error().message.startsWith(images + QStringLiteral(".gz: ")), qPrintable(d.error().message));
        // Test labels outside the training labels' range.
        const QString dir2 = m_tmp.filePath(QStringLiteral("idx-bad2"));
        QVERIFY(TrainingTestData::writeIdxFolder(dir2, 20, 10, 4, 4, 3));
        QFile tl(dir2 + QStringLiteral("/t10k-labels-idx1-ubyte"));
        QVERIFY(tl.open(QIODevice::ReadWrite));
        QByteArray t = tl.readAll();
        t[8] = 9;
        tl.seek(0);
        tl.write(t);
        tl.close();
        d = load(dir2);
        QVERIFY(!d);
        QCOMPARE(d.error().message, tl.fileName() + QStringLiteral(": label 9 of item 0 is out of range (3 classes, 0..2, from the training labels)"));
    }

    void fortunes()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("fortunes"));
        QVERIFY(TrainingTestData::writeFortunesFolder(dir, 10));
        QCOMPARE(detectDatasetKind(dir), QStringLiteral("fortunes"));
        DataOptions o;
        o.path = dir;
        o.topics = {QStringLiteral("food"), QStringLiteral("cats")};
        auto d = loadDataset(o);
        QVERIFY2(d, d ? "" : qPrintable(d.error().message));
        QCOMPARE(d->classNames, (QStringList{QStringLiteral("cats"), QStringLiteral("food")}));
        QCOMPARE(d->rows(), 20);
        QVERIFY(d->texts.first().endsWith(QLatin1String("-- Someone")));
        o.topics = {QStringLiteral("cats"), QStringLiteral("nope")};
        d = loadDataset(o);
        QVERIFY(!d);
        QCOMPARE(d.error().code, Error::Code::NotFound);
        QVERIFY2(d.error().message.contains(QLatin1String("no such fortunes topic (available: cats, code, food)")), qPrintable(d.error().message));
    }

    void splitIsDeterministicAndDisjoint()
    {
        const QString path = write(QStringLiteral("split.csv"), TrainingTestData::blobsCsv(200));
        auto d = load(path);
        QVERIFY(d);
        auto a = splitDataset(*d, 0.1, 0.2, 42);
        auto b = splitDataset(*d, 0.1, 0.2, 42);
        auto c = splitDataset(*d, 0.1, 0.2, 43);
        QVERIFY(a && b && c);
        QCOMPARE(a->train, b->train);
        QCOMPARE(a->test, b->test);
        QVERIFY(a->train != c->train);
        QCOMPARE(a->test.size(), size_t(40));
        QCOMPARE(a->validation.size(), size_t(20));
        QCOMPARE(a->train.size(), size_t(140));
        std::vector<int64_t> all = a->train;
        all.insert(all.end(), a->validation.begin(), a->validation.end());
        all.insert(all.end(), a->test.begin(), a->test.end());
        std::sort(all.begin(), all.end());
        for (int64_t i = 0; i < 200; ++i)
            QCOMPARE(all[size_t(i)], i);
        // The generator is ours: a fixed seed gives a fixed permutation on every platform.
        QCOMPARE(shuffledIndices(5, 1), shuffledIndices(5, 1));
    }

    void preprocessingFitsOnTrainingRowsOnly()
    {
        const QString path = write(QStringLiteral("pre.csv"), "a,b,label\n1,10,x\n3,10,y\n100,10,x\n");
        auto d = load(path);
        QVERIFY(d);
        DataOptions o;
        const Preprocessing p = fitPreprocessing(*d, {0, 1}, o);
        QCOMPARE(p.mean, (std::vector<float>{2.0f, 10.0f}));
        QCOMPARE(p.stddev, (std::vector<float>{1.0f, 1.0f})); // constant column: 1, not 0
        auto back = Preprocessing::fromJson(p.toJson());
        QVERIFY(back);
        QCOMPARE(back->mean, p.mean);
    }

    void tokenizerAndVocabulary()
    {
        QCOMPARE(tokenize(u"Don't PANIC: 42 isn't ÉTÉ-time!"),
                 (QStringList{QStringLiteral("don"), QStringLiteral("t"), QStringLiteral("panic"), QStringLiteral("42"),
                              QStringLiteral("isn"), QStringLiteral("t"), QStringLiteral("t"), QStringLiteral("time")}));
        Dataset d;
        d.kind = QStringLiteral("text-csv");
        d.texts = {QStringLiteral("b a b c"), QStringLiteral("b a"), QStringLiteral("zzz unseen")};
        d.labels = {0, 1, 0};
        DataOptions o;
        o.maxVocabulary = 2;
        o.maxTokens = 3;
        Preprocessing p = fitPreprocessing(d, {0, 1}, o);
        QCOMPARE(p.vocabulary, (QStringList{QStringLiteral("b"), QStringLiteral("a")})); // by count, then alphabet
        TextEncoder enc(p);
        std::vector<int64_t> ids;
        QCOMPARE(enc.encode(u"B c a b", ids), 3);
        QCOMPARE(ids, (std::vector<int64_t>{2, 1, 3})); // c is unknown (1); the 4th word is cut
        o.hashBuckets = 16;
        p = fitPreprocessing(d, {0, 1}, o);
        QVERIFY(p.vocabulary.isEmpty());
        ids.clear();
        TextEncoder(p).encode(u"a", ids);
        QCOMPARE(ids.front(), int64_t(2 + fnv1a32(u"a") % 16));
        QCOMPARE(fnv1a32(u"a"), 0xe40c292cu); // FNV-1a 32 reference value
    }

    void evaluationReport()
    {
        const auto r = ClassificationReport::fromPredictions({QStringLiteral("a"), QStringLiteral("b")}, {0, 0, 1, 1, 1},
                                                             {0, 1, 1, 1, 0}, 0.5);
        QCOMPARE(r.accuracy, 0.6);
        QCOMPARE(r.confusion, (QList<QList<qint64>>{{1, 1}, {1, 2}}));
        QCOMPARE(r.perClass[1].precision, 2.0 / 3.0);
        QCOMPARE(r.perClass[1].recall, 2.0 / 3.0);
        QCOMPARE(r.perClass[0].f1, 0.5);
        QCOMPARE(r.majorityBaseline, 0.6);
        const QJsonObject j = r.toJson(QStringLiteral("test_"));
        QCOMPARE(j.value(QStringLiteral("test_accuracy")).toDouble(), 0.6);
        QCOMPARE(j.value(QStringLiteral("test_confusion_matrix")).toArray().size(), 2);
    }

    void configRoundTripAndValidation()
    {
        TrainingConfig c = TrainingConfig::defaultsFor(QStringLiteral("textcnn"));
        c.data.path = QStringLiteral("/x");
        c.seed = 18446744073709551615ULL; // survives JSON
        auto back = TrainingConfig::fromJson(c.toJson());
        QVERIFY(back);
        QCOMPARE(back->seed, c.seed);
        QCOMPARE(back->hidden, c.hidden);
        QVERIFY(back->validate());
        c.learningRate = -1;
        QCOMPARE(c.validate().error().message, QStringLiteral("learning rate must be in (0, 10] (got -1)"));
        c.learningRate = 0.1;
        c.nesterov = true;
        QVERIFY(!c.validate());
        c.nesterov = false;
        c.arch = QStringLiteral("transformer");
        QCOMPARE(c.validate().error().message, QStringLiteral("unknown architecture 'transformer' (use mlp, textcnn or cnn)"));
    }
};

QTEST_GUILESS_MAIN(tst_TrainingData)
#include "tst_trainingdata.moc"

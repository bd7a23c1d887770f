// InferenceSession on the Python-made TorchScript files: outputs match Python's, output naming for
// tuple/dict results, and every kind of bad input or bad file is a clear error, never a crash.

#include "runtimetestutil.h"

#include "runtime/inferencesession.h"

#include <thread>

using namespace RuntimeTest;

class tst_InferenceSession : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<InferenceSession> load(const QString &file)
    {
        auto s = InferenceSession::load(TestData::readModel(file), file);
        return s ? *s : nullptr;
    }

private Q_SLOTS:
    void initTestCase() { MODELDESK_REQUIRE_TEST_MODELS(); }

    void mlpMatchesPython()
    {
        auto session = load(QStringLiteral("mlp.pt"));
        QVERIFY(session);
        QCOMPARE(session->parameterCount(), qint64(784 * 128 + 128 + 128 * 10 + 10));
        const Expected e = readExpected(QStringLiteral("mlp_expected.json"));
        QCOMPARE(e.input.size(), size_t(784));
        auto scope = InferenceSession::enterWorkerThread(1);
        std::vector<Tensor> inputs{floatTensor(QStringLiteral("x"), {1, 784}, e.input)};
        auto out = session->forward(inputs, {QStringLiteral("output__0")});
        RT_VERIFY(out);
        QCOMPARE(out->size(), size_t(1));
        QCOMPARE(out->front().name, QStringLiteral("output__0"));
        QCOMPARE(out->front().shape, (std::vector<int64_t>{1, 10}));
        QCOMPARE(out->front().dtype, DataType::Float32);
        QVERIFY(closeTo(floats(out->front()), e.output));
    }

    void linearMatchesPython()
    {
        auto session = load(QStringLiteral("linear.pt"));
        QVERIFY(session);
        const Expected e = readExpected(QStringLiteral("linear_expected.json"));
        std::vector<Tensor> inputs{floatTensor(QStringLiteral("x"), {1, 4}, e.input)};
        auto out = session->forward(inputs, {});
        RT_VERIFY(out);
        QCOMPARE(out->front().name, QStringLiteral("output__0"));
        QVERIFY(closeTo(floats(out->front()), e.output));
    }

    void inputIsNotModified()
    {
        auto session = load(QStringLiteral("linear.pt"));
        QVERIFY(session);
        const QByteArray original(16, '\1');
        Tensor t;
        t.name = QStringLiteral("x");
        t.shape = {1, 4};
        t.data = original;   // shared with `original` until written
        std::vector<Tensor> inputs{t};
        QVERIFY(session->forward(inputs, {}).has_value());
        QCOMPARE(original, QByteArray(16, '\1'));
    }

    void tupleAndDictOutputs()
    {
        auto tuple = load(QStringLiteral("tuple_out.pt"));
        QVERIFY(tuple);
        std::vector<Tensor> in{floatTensor(QStringLiteral("x"), {2, 4}, std::vector<float>(8, 0.5f))};
        auto out = tuple->forward(in, {QStringLiteral("logits")});
        RT_VERIFY(out);
        QCOMPARE(out->size(), size_t(2));
        QCOMPARE(out->at(0).name, QStringLiteral("logits"));      // named by the caller
        QCOMPARE(out->at(1).name, QStringLiteral("output__1"));   // default name
        QCOMPARE(out->at(1).shape, (std::vector<int64_t>{2, 3}));

        auto dict = load(QStringLiteral("dict_out.pt"));
        QVERIFY(dict);
        auto d = dict->forward(in, {});
        RT_VERIFY(d);
        QCOMPARE(d->size(), size_t(1));
        QCOMPARE(d->front().name, QStringLiteral("logits"));
    }

    void twoInputs()
    {
        auto session = load(QStringLiteral("two_inputs.pt"));
        QVERIFY(session);
        std::vector<Tensor> in{floatTensor(QStringLiteral("x"), {1, 4}, {1, 2, 3, 4}),
                               floatTensor(QStringLiteral("y"), {1, 4}, {1, 1, 1, 1})};
        auto out = session->forward(in, {});
        RT_VERIFY(out);
        QCOMPARE(out->front().shape, (std::vector<int64_t>{1, 2}));
    }

    void badInputIsInvalidArgument_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong width") << 0 << QStringLiteral("mat1 and mat2 shapes cannot be multiplied");
        QTest::newRow("wrong dtype") << 1 << QStringLiteral("dtype");
        QTest::newRow("too many inputs") << 2 << QStringLiteral("argument");
    }
    void badInputIsInvalidArgument()
    {
        QFETCH(int, kind);
        QFETCH(QString, message);
        auto session = load(QStringLiteral("mlp.pt"));
        QVERIFY(session);
        std::vector<Tensor> in;
        if (kind == 0) {
            in.push_back(floatTensor(QStringLiteral("x"), {1, 5}, std::vector<float>(5, 1.0f)));
        } else if (kind == 1) {
            Tensor t;
            t.name = QStringLiteral("x");
            t.dtype = DataType::Int64;
            t.shape = {1, 784};
            t.data = QByteArray(784 * 8, '\0');
            in.push_back(t);
        } else {
            in.push_back(floatTensor(QStringLiteral("x"), {1, 784}, std::vector<float>(784, 1.0f)));
            in.push_back(floatTensor(QStringLiteral("y"), {1, 784}, std::vector<float>(784, 1.0f)));
        }
        auto out = session->forward(in, {});
        QVERIFY(!out.has_value());
        QCOMPARE(out.error().code, Error::Code::InvalidArgument);
        QVERIFY2(out.error().message.contains(message, Qt::CaseInsensitive), qPrintable(out.error().message));
        QVERIFY2(!out.error().message.contains(QLatin1Char('\n')), qPrintable(out.error().message));
        QVERIFY2(!out.error().message.contains(QLatin1String("The following operation failed")),
                 qPrintable(out.error().message));
    }

    void notTensorModelIsAnError()
    {
        auto session = load(QStringLiteral("not_tensor.pt"));
        QVERIFY(session);   // loads fine; forward(str) cannot take a tensor
        std::vector<Tensor> in{floatTensor(QStringLiteral("s"), {1}, {1.0f})};
        auto out = session->forward(in, {});
        QVERIFY(!out.has_value());
        QCOMPARE(out.error().code, Error::Code::InvalidArgument);
    }

    void badFilesAreErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("empty") << QStringLiteral("empty.pt");
        QTest::newRow("random") << QStringLiteral("random.bin");
        QTest::newRow("truncated") << QStringLiteral("truncated.pt");
        QTest::newRow("state dict") << QStringLiteral("state_dict.pt");
    }
    void badFilesAreErrors()
    {
        QFETCH(QString, file);
        auto s = InferenceSession::load(TestData::readModel(file), file);
        QVERIFY(!s.has_value());
        QVERIFY2(s.error().message.startsWith(file), qPrintable(s.error().message));
        QVERIFY2(!s.error().message.contains(QLatin1Char('\n')), qPrintable(s.error().message));
    }

    void concurrentForwards()
    {
        auto session = load(QStringLiteral("mlp.pt"));
        QVERIFY(session);
        const Expected e = readExpected(QStringLiteral("mlp_expected.json"));
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                auto scope = InferenceSession::enterWorkerThread(1);
                for (int i = 0; i < 50; ++i) {
                    std::vector<Tensor> in{floatTensor(QStringLiteral("x"), {1, 784}, e.input)};
                    auto out = session->forward(in, {});
                    if (!out || !closeTo(floats(out->front()), e.output))
                        ++wrong;
                }
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(wrong.load(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_InferenceSession)
#include "tst_inferencesession.moc"

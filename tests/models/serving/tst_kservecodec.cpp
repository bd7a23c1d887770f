// The KServe v2 codec without a server: numbers in and out (exact integers, shortest round-trip
// floats, locale independence, NaN), half/bfloat16 rounding, the size checks that run before any
// allocation, the binary extension and decoding when "data" comes before "datatype"/"shape".

#include "serving/jsonwriter.h"
#include "serving/kservecodec.h"

#include <QFile>
#include <QTest>
#include <clocale>
#include <cmath>
#include <cstring>
#include <limits>

using namespace ModelDesk;
using namespace ModelDesk::Serving;
using Runtime::DataType;
using Runtime::Tensor;

namespace {
std::string padded(QByteArray json)
{
    std::string s(json.constData(), std::size_t(json.size()));
    s.reserve(s.size() + 64);
    return s;
}

template <typename T>
T at(const Tensor &t, int i)
{
    T v;
    std::memcpy(&v, t.data.constData() + i * sizeof(T), sizeof(T));
    return v;
}
} // namespace

class tst_KServeCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void floatsRoundTripShortestAndLocaleFree()
    {
        // A decimal-comma locale must not leak into JSON.
        std::setlocale(LC_ALL, "de_DE.UTF-8");
        std::string out;
        JsonWriter::appendNumber(out, 0.1f);
        out += ' ';
        JsonWriter::appendNumber(out, 0.1);
        out += ' ';
        JsonWriter::appendNumber(out, 1e-7f);
        out += ' ';
        JsonWriter::appendNumber(out, std::numeric_limits<float>::quiet_NaN());
        out += ' ';
        JsonWriter::appendNumber(out, std::int64_t(-9007199254740993));
        QCOMPARE(QByteArray::fromStdString(out), QByteArray("0.1 0.1 1e-07 null -9007199254740993"));
        std::setlocale(LC_ALL, "C");

        // Every float written and read back is the same float.
        const float samples[] = {3.14159274f, 1.17549435e-38f, 3.40282347e+38f, -0.0f, 123456.789f, 7e-45f};
        for (float f : samples) {
            std::string s;
            JsonWriter::appendNumber(s, f);
            QCOMPARE(std::strtof(s.c_str(), nullptr), f);
        }
    }

    void jsonWriterEscapes()
    {
        std::string out;
        JsonWriter w(out);
        w.beginObject().key("a\"b").value(QStringLiteral("line\nbreak\x01 ü")).key("n").beginArray().value(1).value(true).null().endArray().endObject();
        QCOMPARE(QByteArray::fromStdString(out), QByteArray("{\"a\\\"b\":\"line\\nbreak\\u0001 \xc3\xbc\",\"n\":[1,true,null]}"));
    }

    void halfAndBFloat16()
    {
        QCOMPARE(KServe::floatToHalf(1.0f), std::uint16_t(0x3c00));
        QCOMPARE(KServe::floatToHalf(-2.0f), std::uint16_t(0xc000));
        QCOMPARE(KServe::floatToHalf(65504.0f), std::uint16_t(0x7bff));
        QCOMPARE(KServe::floatToHalf(65520.0f), std::uint16_t(0x7c00)); // rounds to infinity
        QCOMPARE(KServe::floatToHalf(5.9604645e-08f), std::uint16_t(0x0001)); // smallest subnormal
        QCOMPARE(KServe::floatToHalf(1.0f + 1.0f / 2048), std::uint16_t(0x3c00)); // tie to even
        QCOMPARE(KServe::floatToHalf(1.0f + 3.0f / 2048), std::uint16_t(0x3c02));
        QVERIFY(std::isnan(KServe::halfToFloat(KServe::floatToHalf(std::nanf("")))));
        for (std::uint32_t h = 0; h < 0x7c00; ++h) // every finite positive half survives the round trip
            QCOMPARE(KServe::floatToHalf(KServe::halfToFloat(std::uint16_t(h))), std::uint16_t(h));
        QCOMPARE(KServe::floatToBFloat16(1.0f), std::uint16_t(0x3f80));
        QCOMPARE(KServe::bfloat16ToFloat(0x3f80), 1.0f);
        QCOMPARE(KServe::floatToBFloat16(1.00390625f), std::uint16_t(0x3f80)); // tie to even
    }

    void decodeAllTypes()
    {
        const auto body = padded(R"({"id":"x","inputs":[
            {"name":"b","datatype":"BOOL","shape":[2],"data":[true,0]},
            {"name":"u","datatype":"UINT8","shape":[1],"data":[255]},
            {"name":"i","datatype":"INT64","shape":[1],"data":[-9223372036854775808]},
            {"name":"h","datatype":"FP16","shape":[1],"data":[0.5]},
            {"name":"f","datatype":"FP32","shape":[2,1],"data":[[1e-3],[2]]},
            {"name":"d","datatype":"FP64","shape":[],"data":[0.1]}]})");
        auto r = KServe::decodeInferRequest(body);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->id, QStringLiteral("x"));
        QCOMPARE(r->inputs.size(), std::size_t(6));
        QCOMPARE(at<std::uint8_t>(r->inputs[0], 0), std::uint8_t(1));
        QCOMPARE(at<std::uint8_t>(r->inputs[0], 1), std::uint8_t(0));
        QCOMPARE(at<std::uint8_t>(r->inputs[1], 0), std::uint8_t(255));
        QCOMPARE(at<std::int64_t>(r->inputs[2], 0), std::numeric_limits<std::int64_t>::min());
        QCOMPARE(at<std::uint16_t>(r->inputs[3], 0), std::uint16_t(0x3800));
        QCOMPARE(at<float>(r->inputs[4], 0), 1e-3f);
        QCOMPARE(at<double>(r->inputs[5], 0), 0.1);
        for (const Tensor &t : r->inputs)
            QVERIFY(t.checkConsistent());
    }

    void decodeDataBeforeShape()
    {
        const auto body = padded(R"({"inputs":[{"data":[1,2,3],"shape":[3],"datatype":"INT32","name":"late"}],"id":"z"})");
        auto r = KServe::decodeInferRequest(body);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(at<std::int32_t>(r->inputs[0], 2), 3);
        // Works when the string has no spare capacity too (the codec copies).
        std::string tight(body.data(), body.size());
        tight.shrink_to_fit();
        QVERIFY(KServe::decodeInferRequest(tight));
    }

    void sizeCheckedBeforeAllocation()
    {
        // 10^12 FP64 values promised by a 100-byte body: refused without allocating 8 TB.
        auto r = KServe::decodeInferRequest(padded(R"({"inputs":[{"name":"x","datatype":"FP64","shape":[1000000,1000000],"data":[1]}]})"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::InvalidArgument);
        QVERIFY(r.error().message.contains(QStringLiteral("more than the request carries")));
        // Same for a binary tensor promising more bytes than follow.
        const QByteArray json = R"({"inputs":[{"name":"x","datatype":"FP32","shape":[1000000000],"parameters":{"binary_data_size":4000000000}}]})";
        auto b = KServe::decodeInferRequest(padded(json + "abcd"), std::size_t(json.size()));
        QVERIFY(!b);
        QVERIFY(b.error().message.contains(QStringLiteral("past the end")));
    }

    void duplicateKeysRefused()
    {
        // Found by fuzz_kserve_json: a second "shape" after the data was decoded against the first
        // left a tensor whose bytes did not match its shape.
        const char *bodies[] = {
            R"({"inputs":[{"name":"x","shape":[2],"datatype":"FP64","data":[1,2],"shape":[1]}]})",
            R"({"inputs":[{"name":"x","shape":[2],"datatype":"FP64","data":[1,2],"datatype":"INT8"}]})",
            R"({"inputs":[{"name":"x","shape":[2],"datatype":"FP64","data":[1,2],"data":[3]}]})",
            R"({"inputs":[{"name":"x","name":"y","shape":[1],"datatype":"FP64","data":[1]}]})",
            R"({"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1]}],"inputs":[]})",
            R"({"id":"a","id":"b","inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1]}]})",
        };
        for (const char *body : bodies) {
            auto r = KServe::decodeInferRequest(padded(body));
            QVERIFY2(!r, body);
            QCOMPARE(r.error().code, Error::Code::InvalidArgument);
            QVERIFY2(r.error().message.contains(QStringLiteral("more than once")), qPrintable(r.error().message));
        }
        // The fuzzer's own input (kept as a seed in tests/fuzz/corpus/kserve_json/) is refused too.
        QFile crash(qEnvironmentVariable("MODELDESK_TEST_DATA") + QStringLiteral("/../fuzz/corpus/kserve_json/regression-duplicate-shape-after-data.json"));
        QVERIFY(crash.open(QIODevice::ReadOnly));
        const QByteArray bytes = crash.readAll();
        QVERIFY(!KServe::decodeInferRequest(std::string(bytes.constData(), std::size_t(bytes.size()))));
    }

    void binaryRequestAndResponse()
    {
        const double values[2] = {0.25, -8};
        const QByteArray json =
            R"({"inputs":[{"name":"x","datatype":"FP64","shape":[2],"parameters":{"binary_data_size":16}}],"outputs":[{"name":"y","parameters":{"binary_data":true}}]})";
        auto r = KServe::decodeInferRequest(padded(json + QByteArray(reinterpret_cast<const char *>(values), 16)),
                                            std::size_t(json.size()));
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(at<double>(r->inputs[0], 1), -8.0);
        QCOMPARE(r->outputs.size(), std::size_t(1));
        QVERIFY(r->outputs[0].binary.value_or(false));

        Runtime::InferResponse response;
        response.deployment = QStringLiteral("d");
        response.version = 4;
        Tensor y = r->inputs[0];
        y.name = QStringLiteral("y");
        response.outputs.push_back(y);
        auto enc = KServe::encodeInferResponse(response, *r);
        QVERIFY(enc);
        QVERIFY(enc->jsonLength);
        QCOMPARE(enc->contentType, std::string("application/octet-stream"));
        QCOMPARE(enc->body.size(), *enc->jsonLength + 16);
        QVERIFY(QByteArray::fromStdString(enc->body.substr(0, *enc->jsonLength)).contains(R"("binary_data_size":16)"));
        QVERIFY(QByteArray::fromStdString(enc->body.substr(0, *enc->jsonLength)).contains("\"model_version\":\"4\""));
    }

    void encodeNonFinite()
    {
        Runtime::InferResponse response;
        response.deployment = QStringLiteral("d");
        response.version = 1;
        Tensor t;
        t.name = QStringLiteral("y");
        t.dtype = DataType::Float32;
        t.shape = {3};
        const float v[3] = {std::numeric_limits<float>::infinity(), 1.5f, std::nanf("")};
        t.data = QByteArray(reinterpret_cast<const char *>(v), 12);
        response.outputs.push_back(t);
        auto enc = KServe::encodeInferResponse(response, {});
        QVERIFY(enc);
        QVERIFY(QByteArray::fromStdString(enc->body).contains(R"("data":[null,1.5,null])"));
    }
};

QTEST_GUILESS_MAIN(tst_KServeCodec)
#include "tst_kservecodec.moc"

// RequestJournal: sequence numbers, the ring dropping the oldest, paging forward without gaps,
// "missed" when a reader fell behind, path truncation, a reader from a former server life, and
// concurrent writers losing nothing the ring can hold.
#include "serving/requestjournal.h"

#include <QTest>
#include <thread>

using namespace ModelDesk::Serving;

class tst_RequestJournal : public QObject
{
    Q_OBJECT

    static RequestEntry entry(int status, std::string path = "/v2/models/m/infer")
    {
        RequestEntry e;
        e.method = "POST";
        e.path = std::move(path);
        e.status = status;
        return e;
    }

private Q_SLOTS:
    void emptyJournal()
    {
        RequestJournal j(4);
        QCOMPARE(j.lastSeq(), 0u);
        QVERIFY(j.latest(10).entries.empty());
        const auto p = j.since(0, 10);
        QVERIFY(p.entries.empty());
        QCOMPARE(p.next, 0u);
    }

    void sequenceAndPaging()
    {
        RequestJournal j(8);
        for (int i = 1; i <= 5; ++i)
            j.record(entry(200 + i));
        QCOMPARE(j.lastSeq(), 5u);
        auto p = j.since(0, 2); // the oldest two first
        QCOMPARE(p.entries.size(), 2u);
        QCOMPARE(p.entries[0].seq, 1u);
        QCOMPARE(p.entries[1].status, 202);
        QCOMPARE(p.next, 2u);
        QVERIFY(p.entries[0].time.isValid());
        p = j.since(p.next, 10);
        QCOMPARE(p.entries.size(), 3u);
        QCOMPARE(p.entries.back().seq, 5u);
        QCOMPARE(p.missed, 0u);
        p = j.since(p.next, 10); // nothing new: next stays
        QVERIFY(p.entries.empty());
        QCOMPARE(p.next, 5u);
        p = j.latest(2);
        QCOMPARE(p.entries.size(), 2u);
        QCOMPARE(p.entries[0].seq, 4u);
        QCOMPARE(p.next, 5u);
    }

    void ringDropsOldestAndCountsMissed()
    {
        RequestJournal j(4);
        for (int i = 1; i <= 10; ++i)
            j.record(entry(i));
        // Holds 7..10. A reader that last saw 2 missed 3..6.
        auto p = j.since(2, 100);
        QCOMPARE(p.missed, 4u);
        QCOMPARE(p.entries.size(), 4u);
        QCOMPARE(p.entries.front().seq, 7u);
        QCOMPARE(p.entries.front().status, 7);
        QCOMPARE(p.entries.back().seq, 10u);
        QCOMPARE(j.latest(100).entries.size(), 4u);
        // From the start: what is held, nothing reported missed.
        QCOMPARE(j.since(0, 100).missed, 0u);
    }

    void readerFromAnEarlierServerResynchronises()
    {
        RequestJournal j(4);
        j.record(entry(200));
        const auto p = j.since(500, 10); // seq from before a restart
        QVERIFY(p.entries.empty());
        QCOMPARE(p.next, 1u);
        j.record(entry(404));
        QCOMPARE(j.since(p.next, 10).entries.front().status, 404);
    }

    void longPathsAreTruncated()
    {
        RequestJournal j(2);
        j.record(entry(200, std::string(5000, 'a')));
        QCOMPARE(j.latest(1).entries.front().path.size(), RequestJournal::kMaxPath);
    }

    void concurrentWriters()
    {
        RequestJournal j(100000);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&j, t] {
                for (int i = 0; i < 10000; ++i)
                    j.record(entry(t));
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(j.lastSeq(), 40000u);
        const auto p = j.since(0, 100000);
        QCOMPARE(p.entries.size(), 40000u);
        int perWriter[4] = {};
        for (std::size_t i = 0; i < p.entries.size(); ++i) {
            QCOMPARE(p.entries[i].seq, std::uint64_t(i + 1));
            ++perWriter[p.entries[i].status];
        }
        for (int n : perWriter)
            QCOMPARE(n, 10000);
    }
};

QTEST_GUILESS_MAIN(tst_RequestJournal)
#include "tst_requestjournal.moc"

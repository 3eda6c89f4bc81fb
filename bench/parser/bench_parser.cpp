// SPDX-License-Identifier: MIT
// Google Benchmark micro benchmarks of CStar::EventStreamParser on the same
// bytes that bench/node/parser.mjs feeds to `eventsource-parser`: a realistic
// 64 MiB chat stream (LF and CR-only), 1-byte chunks (to show the cost stays
// linear), single long lines fed byte by byte, and a plain memchr line scan
// of the same bytes as the ceiling. Reads $CSTAR_BENCH_DATA/stream-lf.sse
// when set (bench/run.sh writes it with cstar-bench-gen), else generates the
// identical stream in memory. Names are `<case>`; bytes/s is the figure.
#include "benchcommon.h"
#include "eventstreamparser.h"

#include <QFile>

#include <benchmark/benchmark.h>

#include <cstring>
#include <deque>
#include <string>

using CStar::EventStreamParser;
using CStar::ServerSentEvent;

namespace {

constexpr qint64 MiB = 1024 * 1024;

const QByteArray &lfStream()
{
    static const QByteArray bytes = [] {
        const QByteArray dir = qgetenv("CSTAR_BENCH_DATA");
        if (!dir.isEmpty()) {
            QFile f(QString::fromLocal8Bit(dir) + QStringLiteral("/stream-lf.sse"));
            if (f.open(QIODevice::ReadOnly))
                return f.readAll();
        }
        return CStar::Bench::makeChatStream(64 * MiB);
    }();
    return bytes;
}

const QByteArray &crStream()
{
    static const QByteArray bytes = CStar::Bench::toCrOnly(lfStream());
    return bytes;
}

void runParser(benchmark::State &state, const QByteArray &data, qint64 chunk)
{
    qint64 events = 0;
    qint64 dataBytes = 0;
    for (auto _ : state) {
        EventStreamParser parser;
        parser.onEvent = [&](const ServerSentEvent &e) {
            ++events;
            dataBytes += e.data.size();
        };
        const char *p = data.constData();
        const qint64 size = data.size();
        for (qint64 offset = 0; offset < size; offset += chunk)
            parser.feed(QByteArrayView(p + offset, qMin(chunk, size - offset)));
        benchmark::DoNotOptimize(events);
        benchmark::DoNotOptimize(dataBytes);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * data.size());
    state.counters[QByteArrayLiteral("events").constData()] =
        benchmark::Counter(double(events) / double(state.iterations()));
}

// The ceiling: find every line end with memchr and do nothing else.
void runMemchr(benchmark::State &state, const QByteArray &data, char eol)
{
    qint64 lines = 0;
    for (auto _ : state) {
        const char *p = data.constData();
        const char *const end = p + data.size();
        while (p < end) {
            const void *hit = std::memchr(p, eol, std::size_t(end - p));
            if (!hit)
                break;
            ++lines;
            p = static_cast<const char *>(hit) + 1;
        }
        benchmark::DoNotOptimize(lines);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * data.size());
}

QByteArray prefix(const QByteArray &data, qint64 bytes)
{
    // Cut at an event boundary so every case ends cleanly.
    const qsizetype cut = data.lastIndexOf(data.contains('\n') ? "\n\n" : "\r\r", bytes);
    return data.left(cut > 0 ? cut + 2 : bytes);
}

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    static const QByteArray lf = lfStream();
    static const QByteArray cr = crStream();
    static const QByteArray lf1 = prefix(lf, 1 * MiB);
    static const QByteArray lf8 = prefix(lf, 8 * MiB);
    static const QByteArray cr8 = prefix(cr, 8 * MiB);

    auto add = [](const char *name, auto fn) {
        return benchmark::RegisterBenchmark(name, fn)->UseRealTime()->Unit(benchmark::kMillisecond);
    };
    add("lf-16k", [](benchmark::State &s) { runParser(s, lf, 16 * 1024); });
    add("cr-16k", [](benchmark::State &s) { runParser(s, cr, 16 * 1024); });
    add("lf-1b-1MiB", [](benchmark::State &s) { runParser(s, lf1, 1); });
    add("lf-1b-8MiB", [](benchmark::State &s) { runParser(s, lf8, 1); });
    add("lf-1b-64MiB", [](benchmark::State &s) { runParser(s, lf, 1); })->Iterations(1);
    add("cr-1b-8MiB", [](benchmark::State &s) { runParser(s, cr8, 1); });
    // One event per line length, repeated to ~8 MiB (bench/node/parser.mjs
    // feeds Node one line of each length: it is quadratic there).
    for (const qint64 kib : {4, 16, 64, 512}) {
        const qint64 bytes = kib * 1024;
        static std::deque<QByteArray> keep; // stable addresses
        keep.push_back(
            CStar::Bench::makeLongLineStream(bytes, int(qMax<qint64>(1, 8 * MiB / bytes))));
        const QByteArray *data = &keep.back();
        const std::string name = "long-1b-" + std::to_string(kib) + "KiB";
        benchmark::RegisterBenchmark(name.c_str(),
                                     [data](benchmark::State &s) { runParser(s, *data, 1); })
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
    }
    add("memchr-lf", [](benchmark::State &s) { runMemchr(s, lf, '\n'); });
    add("memchr-cr", [](benchmark::State &s) { runMemchr(s, cr, '\r'); });

    benchmark::AddCustomContext("stream_bytes", std::to_string(lf.size()));
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

#pragma once
// What the process runs on: which libblas.so.3 the dynamic loader picked (OpenBLAS or the slow
// reference BLAS), for the start-up log line both executables print.

#include <QString>

namespace ModelDesk {

struct BlasInfo
{
    QString path;        // canonical path of the loaded libblas.so.3 (empty if none is mapped)
    QString provider;    // "openblas", "reference", "blis", "mkl", "atlas" or "unknown"
    bool isReference() const { return provider == QLatin1String("reference"); }
};

// Reads /proc/self/maps; call after LibTorch is loaded.
BlasInfo loadedBlas();

// This machine, for records that name a process by pid in storage several hosts share (a PostgreSQL
// registry with the workspace folder on a network file system): /etc/machine-id when there is one,
// else the host name. Stable for the machine's life; computed once.
QString hostIdentity();

} // namespace ModelDesk

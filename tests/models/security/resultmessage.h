#pragma once
// QVERIFY2 evaluates its message even when the check passes, so a Result's error is read only when
// there is one.

#include "core/result.h"

#include <QString>

template <typename R>
QString errorOf(const R &result)
{
    return result ? QString() : result.error().message;
}

/* A stand-in for Windows's bcryptprimitives.dll, for running the tests under Wine 8.
 *
 * Rust's standard library takes its random numbers (HashMap seeds) from ProcessPrng in
 * bcryptprimitives.dll, which Windows 10 and 11 have and Wine 8 does not; every Rust
 * program then fails to start. This DLL, placed beside the .exe by scripts/wine-run.sh,
 * forwards ProcessPrng to RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 * It is never shipped: on Windows the system's own DLL is found first. */

#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

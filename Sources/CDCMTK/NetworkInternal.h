// Shared by the networking part of the C API (StorageSCP.cpp, StorageSCU.cpp): DCMTK dcmnet/dcmtls
// includes, the TLS layer factory, the SCU subclass, process-wide network setup.
#pragma once

#include "Internal.h"
#include "include/CDCMTKNetwork.h"
#include "dcmtk/dcmdata/dcostrmf.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmnet/assoc.h"
#include "dcmtk/dcmnet/dimse.h"
#include "dcmtk/dcmnet/dul.h"
#include "dcmtk/dcmnet/dcmlayer.h"
#include "dcmtk/dcmnet/dulstruc.h"
#include "dcmtk/dcmnet/scu.h"
#include "dcmtk/dcmtls/tlslayer.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace cdcmtk::network {

/// Transfer syntaxes the SCP accepts, in order of preference: uncompressed first, then every
/// compressed syntax the pipeline can decode (others would only be refused later).
extern const char *kAcceptedTransferSyntaxes[];
extern const int kAcceptedTransferSyntaxCount;

std::string trimmed(const char *text);
std::string errno_text();

/// Builds a TLS transport layer from the configuration (nullptr when TLS is off).
DcmTLSTransportLayer *make_tls(const dd_tls_config_t &config, T_ASC_NetworkRole role, bool require_peer,
                               dd_error_t *err);

/// DcmSCU with its TLS hook made reachable (DcmTLSSCU would also pull in its own option handling).
class GatewaySCU : public DcmSCU {
 public:
  using DcmSCU::useSecureConnection;
};

/// Once per process, before any association (see NetworkSupport.cpp).
void network_init();

/// Makes `path` durable: its data, then (after the caller's rename) its folder entry.
bool fsync_path(const std::string &path);

}  // namespace cdcmtk::network

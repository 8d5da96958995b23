// Shared pieces of the networking C API: accepted transfer syntaxes, TLS layers, process setup.
#include "NetworkInternal.h"

using namespace cdcmtk;

namespace cdcmtk::network {

/// Transfer syntaxes the SCP accepts, in order of preference: uncompressed first, then every
/// compressed syntax the pipeline can decode (others would only be refused later).
const char *kAcceptedTransferSyntaxes[] = {
    UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax,
    UID_BigEndianExplicitTransferSyntax,    UID_DeflatedExplicitVRLittleEndianTransferSyntax,
    UID_JPEGProcess14SV1TransferSyntax,     UID_JPEGProcess14TransferSyntax,
    UID_JPEGLSLosslessTransferSyntax,       UID_JPEG2000LosslessOnlyTransferSyntax,
    UID_RLELosslessTransferSyntax,          UID_JPEGProcess1TransferSyntax,
    UID_JPEGProcess2_4TransferSyntax,       UID_JPEGLSLossyTransferSyntax,
    UID_JPEG2000TransferSyntax,
};
const int kAcceptedTransferSyntaxCount = int(sizeof(kAcceptedTransferSyntaxes) / sizeof(kAcceptedTransferSyntaxes[0]));

std::string trimmed(const char *text) {
  std::string value(text);
  const auto first = value.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return value.substr(first, value.find_last_not_of(' ') - first + 1);
}

std::string errno_text() { return std::strerror(errno); }

/// Builds a TLS transport layer from the configuration (nullptr when TLS is off).
DcmTLSTransportLayer *make_tls(const dd_tls_config_t &config, T_ASC_NetworkRole role, bool require_peer,
                               dd_error_t *err) {
  if (config.enabled == 0) return nullptr;
  auto *layer = new DcmTLSTransportLayer(role, nullptr, OFTrue);
  auto check = [&](OFCondition condition, const std::string &what) {
    if (condition.good()) return true;
    fail(err, condition, what);
    return false;
  };
  bool ok = check(layer->setTLSProfile(TSP_Profile_BCP195), "TLS profile") &&
            check(layer->activateCipherSuites(), "TLS cipher suites") &&
            (config.certificate == nullptr ||
             check(layer->setCertificateFile(config.certificate, DCF_Filetype_PEM),
                   std::string("TLS certificate ") + config.certificate)) &&
            (config.private_key == nullptr ||
             check(layer->setPrivateKeyFile(config.private_key, DCF_Filetype_PEM),
                   std::string("TLS private key ") + config.private_key));
  if (ok && config.private_key != nullptr && config.certificate != nullptr && !layer->checkPrivateKeyMatchesCertificate()) {
    fail(err, "TLS: the private key does not match the certificate");
    ok = false;
  }
  if (ok && config.trusted_certificates != nullptr) {
    struct stat info {};
    const bool is_folder = stat(config.trusted_certificates, &info) == 0 && S_ISDIR(info.st_mode);
    ok = check(is_folder ? layer->addTrustedCertificateDir(config.trusted_certificates, DCF_Filetype_PEM)
                         : layer->addTrustedCertificateFile(config.trusted_certificates, DCF_Filetype_PEM),
               std::string("TLS trusted certificates ") + config.trusted_certificates);
  }
  if (!ok) {
    delete layer;
    return nullptr;
  }
  layer->setCertificateVerification(require_peer ? DCV_requireCertificate : DCV_ignoreCertificate);
  return layer;
}


/// Once per process, before any association: Debian's DCMTK leaves Nagle's algorithm on unless
/// $TCP_NODELAY says otherwise, and with DIMSE's small writes that costs ~40 ms (a delayed ACK) per
/// message — 10 instances/s instead of hundreds. An explicit setting by the user is kept.
void network_init() {
  static std::once_flag once;
  std::call_once(once, [] { setenv("TCP_NODELAY", "1", 0); });
}

/// Makes `path` durable: its data, then (after the caller's rename) its folder entry.
bool fsync_path(const std::string &path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = fsync(fd) == 0;
  close(fd);
  return ok;
}

}  // namespace cdcmtk::network

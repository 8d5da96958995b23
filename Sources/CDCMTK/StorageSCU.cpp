// The Storage SCU of the C API (dd_scu_*): DCMTK's DcmSCU, with dcmtls for TLS destinations.
#include "NetworkInternal.h"

using namespace cdcmtk;
using namespace cdcmtk::network;

// MARK: - SCU

struct dd_scu_t_ {
  std::string calling, called, host;
  uint16_t port = 104;
  uint32_t connect_timeout = 10, acse_timeout = 30, dimse_timeout = 60;
  DcmTLSTransportLayer *tls = nullptr;
  GatewaySCU *scu = nullptr;
  /// (SOP class, transfer syntax) pairs proposed on every (re)negotiation.
  std::vector<std::pair<std::string, std::string>> contexts;

  ~dd_scu_t_() {
    disconnect(true);
    delete tls;
  }

  void disconnect(bool release) {
    if (scu == nullptr) return;
    if (scu->isConnected()) {
      if (release) scu->releaseAssociation();
      else scu->abortAssociation();
    }
    delete scu;
    scu = nullptr;
  }

  GatewaySCU *make_scu() const {
    auto *made = new GatewaySCU();
    made->setAETitle(calling.c_str());
    made->setPeerAETitle(called.c_str());
    made->setPeerHostName(host.c_str());
    made->setPeerPort(port);
    made->setConnectionTimeout(Sint32(connect_timeout));
    made->setACSETimeout(acse_timeout);
    made->setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    made->setDIMSETimeout(dimse_timeout);
    made->setDatasetConversionMode(OFTrue);
    return made;
  }

  /// Opens an association proposing every known context (plus uncompressed fallbacks).
  int connect(dd_error_t *err) {
    disconnect(true);
    scu = make_scu();
    for (const auto &[sop_class, transfer] : contexts) {
      const DcmXfer xfer(transfer.c_str());
      OFList<OFString> syntaxes;
      syntaxes.push_back(transfer.c_str());
      if (!xfer.isEncapsulated()) {
        if (transfer != UID_LittleEndianExplicitTransferSyntax) syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
        if (transfer != UID_LittleEndianImplicitTransferSyntax) syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
        scu->addPresentationContext(sop_class.c_str(), syntaxes);
      } else {
        scu->addPresentationContext(sop_class.c_str(), syntaxes);
        OFList<OFString> fallback;
        fallback.push_back(UID_LittleEndianExplicitTransferSyntax);
        fallback.push_back(UID_LittleEndianImplicitTransferSyntax);
        scu->addPresentationContext(sop_class.c_str(), fallback);
      }
    }
    // DcmSCU attaches the TLS layer to the network and association parameters initNetwork makes:
    // asked before, it has nothing to attach to, fails, and the association goes out in plain TCP
    OFCondition condition = scu->initNetwork();
    if (condition.good() && tls != nullptr) condition = scu->useSecureConnection(tls);
    if (condition.good()) condition = scu->negotiateAssociation();
    if (condition.bad()) {
      disconnect(false);
      return fail(err, condition, "association with " + called + "@" + host + ":" + std::to_string(port) + " failed");
    }
    return 0;
  }
};

extern "C" dd_scu_t *dd_scu_create(const dd_scu_config_t *config, dd_error_t *err) {
  dd_global_init();
  network_init();
  dd_scu_t *result = nullptr;
  guarded(err, [&] {
    auto scu = std::make_unique<dd_scu_t_>();
    scu->calling = config->calling_ae_title;
    scu->called = config->called_ae_title;
    scu->host = config->host;
    scu->port = config->port;
    scu->connect_timeout = std::max<uint32_t>(1, config->connect_timeout_seconds);
    scu->acse_timeout = std::max<uint32_t>(1, config->acse_timeout_seconds);
    scu->dimse_timeout = std::max<uint32_t>(1, config->dimse_timeout_seconds);
    if (config->tls.enabled != 0) {
      scu->tls = make_tls(config->tls, NET_REQUESTOR, true, err);
      if (scu->tls == nullptr) return 1;
    }
    result = scu.release();
    return 0;
  });
  return result;
}

extern "C" int dd_scu_echo(dd_scu_t *scu, dd_error_t *err) {
  return guarded(err, [&] {
    std::unique_ptr<GatewaySCU> echo(scu->make_scu());
    OFList<OFString> syntaxes;
    syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
    syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
    echo->addPresentationContext(UID_VerificationSOPClass, syntaxes);
    OFCondition condition = echo->initNetwork();
    if (condition.good() && scu->tls != nullptr) condition = echo->useSecureConnection(scu->tls);
    if (condition.good()) condition = echo->negotiateAssociation();
    if (condition.good()) condition = echo->sendECHORequest(0);
    if (echo->isConnected()) echo->releaseAssociation();
    return condition.good() ? 0 : fail(err, condition, "C-ECHO to " + scu->called + "@" + scu->host);
  });
}

extern "C" int dd_scu_store(dd_scu_t *scu, const char *path, uint16_t *status, dd_error_t *err) {
  return guarded(err, [&] {
    DcmFileFormat file;
    OFCondition condition = file.loadFile(path);
    if (condition.bad()) return fail(err, condition, std::string(path) + ": cannot read");
    DcmDataset *dataset = file.getDataset();
    OFString sop_class;
    dataset->findAndGetOFString(DCM_SOPClassUID, sop_class);
    const std::string transfer = DcmXfer(dataset->getOriginalXfer()).getXferID();
    if (sop_class.empty()) return fail(err, std::string(path) + ": no SOP Class UID");
    const std::pair<std::string, std::string> wanted{sop_class.c_str(), transfer};

    for (int attempt = 0; attempt < 2; attempt++) {
      const bool reused = scu->scu != nullptr && scu->scu->isConnected();
      if (!reused || scu->scu->findAnyPresentationContextID(sop_class, transfer.c_str()) == 0) {
        if (std::find(scu->contexts.begin(), scu->contexts.end(), wanted) == scu->contexts.end()) {
          if (scu->contexts.size() >= 60) scu->contexts.clear();  // at most 128 contexts per association
          scu->contexts.push_back(wanted);
        }
        if (scu->connect(err) != 0) return 1;
      }
      T_ASC_PresentationContextID presentation = scu->scu->findPresentationContextID(sop_class, transfer.c_str());
      if (presentation == 0) presentation = scu->scu->findAnyPresentationContextID(sop_class, transfer.c_str());
      if (presentation == 0)
        return fail(err, "the destination accepted no presentation context for SOP class " + std::string(sop_class.c_str()) +
                             " (transfer syntax " + transfer + ")");
      Uint16 response = 0;
      condition = scu->scu->sendSTORERequest(presentation, OFFilename(), dataset, response);
      if (condition.good()) {
        *status = response;
        return 0;
      }
      scu->disconnect(false);
      // An association that sat idle may have been closed by the peer: one retry on a fresh one.
      if (!reused) break;
    }
    return fail(err, condition, "C-STORE to " + scu->called + "@" + scu->host + ":" + std::to_string(scu->port));
  });
}

extern "C" void dd_scu_close(dd_scu_t *scu) {
  try {
    scu->disconnect(true);
  } catch (...) {
  }
}

extern "C" void dd_scu_free(dd_scu_t *scu) {
  try {
    delete scu;
  } catch (...) {
  }
}

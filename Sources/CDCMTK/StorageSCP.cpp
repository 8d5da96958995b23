// The Storage SCP of the C API (dd_scp_*): associations accepted with DCMTK's dcmnet (ASC_/DIMSE_) and
// dcmtls, every data set streamed to a durable spool before its C-STORE response.
//
// Why the SCP uses the low-level API rather than DcmSCP/DcmStorageSCP/DcmSCPPool: DCMTK 3.6.7
// always listens on every interface, and a de-identification gateway must listen on loopback unless
// told otherwise. We open and bind the listening socket ourselves and hand it to a DUL network
// created in requestor mode (so DCMTK never binds one of its own), marking it as an acceptor; the
// fields touched are those of PRIVATE_NETWORKKEY in the installed header dulstruc.h. The
// low-level API also lets us stream each data set straight to a spool file (no parsing, bit for
// bit, as `storescp --bit-preserving`) and fsync it before the C-STORE response.
#include "NetworkInternal.h"

using namespace cdcmtk;
using namespace cdcmtk::network;

// MARK: - SCP

struct dd_scp_t_ {
  std::string ae_title;
  std::string spool;
  std::set<std::string> allowed;
  uint32_t max_associations = 16;
  uint32_t dimse_timeout = 60;
  uint32_t max_pdu = 65536;
  uint16_t port = 0;
  dd_scp_event_callback_t callback = nullptr;
  void *context = nullptr;
  T_ASC_Network *network = nullptr;
  bool use_tls = false;
  int spool_fd = -1;

  std::atomic<bool> stopping{false};
  std::atomic<uint64_t> sequence{0};
  std::mutex mutex;
  std::condition_variable finished;
  uint32_t active = 0;

  ~dd_scp_t_() {
    if (network != nullptr) ASC_dropNetwork(&network);  // closes the listening socket, frees TLS
    if (spool_fd >= 0) close(spool_fd);
  }

  void emit(dd_scp_event_kind_t kind, const std::string &calling, const std::string &peer,
            const char *path = nullptr, const char *sop_class = nullptr, const char *sop_instance = nullptr,
            const std::string &message = "") const {
    if (callback == nullptr) return;
    dd_scp_event_t event{};
    event.kind = kind;
    event.calling_ae_title = calling.c_str();
    event.peer = peer.c_str();
    event.path = path;
    event.sop_class_uid = sop_class;
    event.sop_instance_uid = sop_instance;
    event.message = message.empty() ? nullptr : message.c_str();
    callback(context, &event);
  }

  /// A new spool file name: arrival time then a sequence number, so names sort in arrival order.
  std::string next_name() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
    char name[64];
    std::snprintf(name, sizeof(name), "%020lld-%d-%06llu", static_cast<long long>(nanos), int(getpid()),
                  static_cast<unsigned long long>(sequence.fetch_add(1) % 1000000));
    return name;
  }
};

namespace {

/// Opens the listening socket and turns `network` (created as a requestor) into an acceptor on it.
int listen_on(dd_scp_t_ *scp, const char *bind_address, uint16_t port, dd_error_t *err) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  if (inet_pton(AF_INET, bind_address, &address.sin_addr) != 1)
    return fail(err, std::string("bind address ") + bind_address + " is not a numeric IPv4 address");
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return fail(err, "cannot create a socket: " + errno_text());
  const int reuse = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof(reuse));
  if (bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0 || listen(fd, 64) != 0) {
    const std::string reason = errno_text();
    close(fd);
    return fail(err, std::string("cannot listen on ") + bind_address + ":" + std::to_string(port) + ": " + reason);
  }
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
  scp->port = ntohs(address.sin_port);

  auto *key = reinterpret_cast<PRIVATE_NETWORKKEY *>(scp->network->network);
  key->applicationFunction |= DICOM_APPLICATION_ACCEPTOR;
  key->networkSpecific.TCP.listenSocket = fd;  // closed by ASC_dropNetwork from now on
  key->networkSpecific.TCP.port = scp->port;
  scp->network->role = NET_ACCEPTORREQUESTOR;
  scp->network->acceptorPort = scp->port;
  return 0;
}

void reject(T_ASC_Association *assoc, T_ASC_RejectParametersResult result, T_ASC_RejectParametersSource source,
            T_ASC_RejectParametersReason reason) {
  T_ASC_RejectParameters parameters = {result, source, reason};
  ASC_rejectAssociation(assoc, &parameters);
}

/// Checks AE titles and capacity, accepts the presentation contexts. Returns false when rejected.
bool negotiate(dd_scp_t_ *scp, T_ASC_Association *assoc, const std::string &calling, const std::string &called,
               const std::string &peer) {
  if (!scp->allowed.empty() && scp->allowed.count(calling) == 0) {
    reject(assoc, ASC_RESULT_REJECTEDPERMANENT, ASC_SOURCE_SERVICEUSER, ASC_REASON_SU_CALLINGAETITLENOTRECOGNIZED);
    scp->emit(DD_SCP_ASSOCIATION_REJECTED, calling, peer, nullptr, nullptr, nullptr,
              "calling AE title '" + calling + "' is not in the allow-list");
    return false;
  }
  if (called != scp->ae_title) {
    reject(assoc, ASC_RESULT_REJECTEDPERMANENT, ASC_SOURCE_SERVICEUSER, ASC_REASON_SU_CALLEDAETITLENOTRECOGNIZED);
    scp->emit(DD_SCP_ASSOCIATION_REJECTED, calling, peer, nullptr, nullptr, nullptr,
              "called AE title '" + called + "' is not ours ('" + scp->ae_title + "')");
    return false;
  }
  {
    std::lock_guard<std::mutex> lock(scp->mutex);
    if (scp->active >= scp->max_associations) {
      reject(assoc, ASC_RESULT_REJECTEDTRANSIENT, ASC_SOURCE_SERVICEPROVIDER_PRESENTATION_RELATED,
             ASC_REASON_SP_PRES_LOCALLIMITEXCEEDED);
      scp->emit(DD_SCP_ASSOCIATION_REJECTED, calling, peer, nullptr, nullptr, nullptr,
                "too many associations (" + std::to_string(scp->max_associations) + ")");
      return false;
    }
  }
  const char *verification[] = {UID_VerificationSOPClass};
  ASC_acceptContextsWithPreferredTransferSyntaxes(assoc->params, verification, 1, kAcceptedTransferSyntaxes, 3);
  ASC_acceptContextsWithPreferredTransferSyntaxes(assoc->params, dcmAllStorageSOPClassUIDs,
                                                  numberOfDcmAllStorageSOPClassUIDs, kAcceptedTransferSyntaxes,
                                                  kAcceptedTransferSyntaxCount);
  ASC_setAPTitles(assoc->params, nullptr, nullptr, scp->ae_title.c_str());
  if (ASC_countAcceptedPresentationContexts(assoc->params) == 0) {
    reject(assoc, ASC_RESULT_REJECTEDPERMANENT, ASC_SOURCE_SERVICEUSER, ASC_REASON_SU_NOREASON);
    scp->emit(DD_SCP_ASSOCIATION_REJECTED, calling, peer, nullptr, nullptr, nullptr,
              "no presentation context proposed is supported (storage SOP classes, verification)");
    return false;
  }
  return true;
}

/// Receives one C-STORE data set into the spool (durably) and responds. A bad result ends the association.
OFCondition handle_store(dd_scp_t_ *scp, T_ASC_Association *assoc, T_ASC_PresentationContextID presentation,
                         T_DIMSE_C_StoreRQ &request, const std::string &calling, const std::string &peer) {
  const std::string name = scp->next_name();
  const std::string temporary = scp->spool + "/." + name + ".part";
  const std::string path = scp->spool + "/" + name + ".dcm";
  T_DIMSE_C_StoreRSP response;
  std::memset(&response, 0, sizeof(response));
  response.MessageIDBeingRespondedTo = request.MessageID;
  response.DataSetType = DIMSE_DATASET_NULL;
  OFStandard::strlcpy(response.AffectedSOPClassUID, request.AffectedSOPClassUID, sizeof(response.AffectedSOPClassUID));
  OFStandard::strlcpy(response.AffectedSOPInstanceUID, request.AffectedSOPInstanceUID,
                      sizeof(response.AffectedSOPInstanceUID));
  response.opts = O_STORE_AFFECTEDSOPCLASSUID | O_STORE_AFFECTEDSOPINSTANCEUID;

  DcmOutputFileStream *stream = nullptr;
  OFCondition condition = DIMSE_createFilestream(temporary.c_str(), &request, assoc, presentation, OFTrue, &stream);
  if (condition.bad()) {
    // Cannot spool: read the data set off the wire and refuse it, so the sender keeps it.
    DIMSE_ignoreDataSet(assoc, DIMSE_BLOCKING, 0, nullptr, nullptr);
    unlink(temporary.c_str());
    response.DimseStatus = STATUS_STORE_Refused_OutOfResources;
    scp->emit(DD_SCP_STORE_FAILED, calling, peer, nullptr, request.AffectedSOPClassUID,
              request.AffectedSOPInstanceUID, std::string("cannot create a spool file: ") + condition.text());
    return DIMSE_sendStoreResponse(assoc, presentation, &request, &response, nullptr);
  }
  condition = DIMSE_receiveDataSetInFile(assoc, DIMSE_NONBLOCKING, int(scp->dimse_timeout), &presentation, stream,
                                         nullptr, nullptr);
  stream->flush();
  const bool written = stream->status().good();
  delete stream;
  if (condition.bad()) {
    unlink(temporary.c_str());
    scp->emit(DD_SCP_STORE_FAILED, calling, peer, nullptr, request.AffectedSOPClassUID,
              request.AffectedSOPInstanceUID, std::string("receiving the data set failed: ") + condition.text());
    return condition;
  }
  // Durable before acknowledged: file data, rename, folder entry.
  std::string problem;
  if (!written) problem = "writing the spool file failed";
  else if (!fsync_path(temporary)) problem = "fsync of the spool file failed: " + errno_text();
  else if (rename(temporary.c_str(), path.c_str()) != 0) problem = "rename into the spool failed: " + errno_text();
  else if (fsync(scp->spool_fd) != 0) problem = "fsync of the spool folder failed: " + errno_text();
  if (!problem.empty()) {
    unlink(temporary.c_str());
    unlink(path.c_str());
    response.DimseStatus = STATUS_STORE_Refused_OutOfResources;
    scp->emit(DD_SCP_STORE_FAILED, calling, peer, nullptr, request.AffectedSOPClassUID,
              request.AffectedSOPInstanceUID, problem);
  } else {
    response.DimseStatus = STATUS_Success;
    scp->emit(DD_SCP_STORED, calling, peer, path.c_str(), request.AffectedSOPClassUID, request.AffectedSOPInstanceUID);
  }
  return DIMSE_sendStoreResponse(assoc, presentation, &request, &response, nullptr);
}

/// Serves one accepted association until the peer releases or aborts it, it idles out, or the SCP stops.
void serve_association(dd_scp_t_ *scp, T_ASC_Association *assoc, std::string calling, std::string peer) {
  try {
    scp->emit(DD_SCP_ASSOCIATION_ACCEPTED, calling, peer);
    uint32_t idle = 0;
    for (;;) {
      if (scp->stopping.load()) {
        ASC_abortAssociation(assoc);
        break;
      }
      T_DIMSE_Message message;
      T_ASC_PresentationContextID presentation = 0;
      DcmDataset *detail = nullptr;
      OFCondition condition = DIMSE_receiveCommand(assoc, DIMSE_NONBLOCKING, 1, &presentation, &message, &detail);
      delete detail;
      if (condition == DIMSE_NODATAAVAILABLE) {
        if (++idle >= scp->dimse_timeout) {
          ASC_abortAssociation(assoc);
          break;
        }
        continue;
      }
      idle = 0;
      if (condition == DUL_PEERREQUESTEDRELEASE) {
        ASC_acknowledgeRelease(assoc);
        break;
      }
      if (condition == DUL_PEERABORTEDASSOCIATION) break;
      if (condition.bad()) {
        ASC_abortAssociation(assoc);
        break;
      }
      if (message.CommandField == DIMSE_C_ECHO_RQ) {
        condition = DIMSE_sendEchoResponse(assoc, presentation, &message.msg.CEchoRQ, STATUS_Success, nullptr);
        scp->emit(DD_SCP_ECHO, calling, peer);
      } else if (message.CommandField == DIMSE_C_STORE_RQ) {
        condition = handle_store(scp, assoc, presentation, message.msg.CStoreRQ, calling, peer);
      } else {
        condition = DIMSE_BADCOMMANDTYPE;  // only storage and verification are offered
      }
      if (condition.bad()) {
        ASC_abortAssociation(assoc);
        break;
      }
    }
  } catch (...) {
    ASC_abortAssociation(assoc);
  }
  ASC_dropSCPAssociation(assoc);
  ASC_destroyAssociation(&assoc);
  scp->emit(DD_SCP_ASSOCIATION_ENDED, calling, peer);
  std::lock_guard<std::mutex> lock(scp->mutex);
  scp->active -= 1;
  scp->finished.notify_all();
}

}  // namespace

extern "C" dd_scp_t *dd_scp_create(const dd_scp_config_t *config, dd_scp_event_callback_t callback, void *context,
                                   dd_error_t *err) {
  dd_global_init();
  network_init();
  dd_scp_t *result = nullptr;
  guarded(err, [&] {
    auto scp = std::make_unique<dd_scp_t_>();
    scp->ae_title = config->ae_title;
    scp->spool = config->spool_directory;
    for (size_t i = 0; i < config->allowed_calling_ae_title_count; i++)
      if (config->allowed_calling_ae_titles[i] != nullptr) scp->allowed.insert(trimmed(config->allowed_calling_ae_titles[i]));
    scp->max_associations = std::max<uint32_t>(1, config->max_associations);
    scp->dimse_timeout = std::max<uint32_t>(1, config->dimse_timeout_seconds);
    scp->max_pdu = std::clamp<uint32_t>(config->max_pdu == 0 ? 65536 : config->max_pdu, ASC_MINIMUMPDUSIZE, ASC_MAXIMUMPDUSIZE);
    scp->callback = callback;
    scp->context = context;
    scp->spool_fd = open(scp->spool.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (scp->spool_fd < 0) return fail(err, "cannot open the spool folder " + scp->spool + ": " + errno_text());

    OFCondition condition = ASC_initializeNetwork(NET_REQUESTOR, 0, int(std::max<uint32_t>(1, config->acse_timeout_seconds)),
                                                  &scp->network);
    if (condition.bad()) return fail(err, condition, "cannot initialise the network");
    if (listen_on(scp.get(), config->bind_address, config->port, err) != 0) return 1;
    if (config->tls.enabled != 0) {
      if (config->tls.certificate == nullptr || config->tls.private_key == nullptr)
        return fail(err, "TLS: listening needs a certificate and its private key");
      DcmTLSTransportLayer *layer = make_tls(config->tls, NET_ACCEPTOR, config->tls.require_peer_certificate != 0, err);
      if (layer == nullptr) return 1;
      condition = ASC_setTransportLayer(scp->network, layer, 1);
      if (condition.bad()) {
        delete layer;
        return fail(err, condition, "TLS");
      }
      scp->use_tls = true;
    }
    result = scp.release();
    return 0;
  });
  return result;
}

extern "C" uint16_t dd_scp_port(dd_scp_t *scp) { return scp->port; }

extern "C" int dd_scp_run(dd_scp_t *scp, dd_error_t *err) {
  return guarded(err, [&] {
    while (!scp->stopping.load()) {
      T_ASC_Association *assoc = nullptr;
      OFCondition condition = ASC_receiveAssociation(scp->network, &assoc, long(scp->max_pdu), nullptr, nullptr,
                                                     scp->use_tls ? OFTrue : OFFalse, DUL_NOBLOCK, 1);
      if (condition.bad() || assoc == nullptr) {
        if (assoc != nullptr) {
          ASC_dropSCPAssociation(assoc);
          ASC_destroyAssociation(&assoc);
        }
        continue;  // no request within a second, or a peer that failed to negotiate
      }
      char calling[65] = {0}, called[65] = {0}, peer[129] = {0};
      ASC_getAPTitles(assoc->params, calling, sizeof(calling), called, sizeof(called), nullptr, 0);
      ASC_getPresentationAddresses(assoc->params, peer, sizeof(peer), nullptr, 0);
      const std::string calling_ae = trimmed(calling), called_ae = trimmed(called), peer_address = peer;
      if (!negotiate(scp, assoc, calling_ae, called_ae, peer_address) || ASC_acknowledgeAssociation(assoc).bad()) {
        ASC_dropSCPAssociation(assoc);
        ASC_destroyAssociation(&assoc);
        continue;
      }
      {
        std::lock_guard<std::mutex> lock(scp->mutex);
        scp->active += 1;
      }
      try {
        std::thread(serve_association, scp, assoc, calling_ae, peer_address).detach();
      } catch (...) {
        ASC_abortAssociation(assoc);
        ASC_dropSCPAssociation(assoc);
        ASC_destroyAssociation(&assoc);
        std::lock_guard<std::mutex> lock(scp->mutex);
        scp->active -= 1;
      }
    }
    std::unique_lock<std::mutex> lock(scp->mutex);
    scp->finished.wait(lock, [&] { return scp->active == 0; });
    return 0;
  });
}

extern "C" void dd_scp_stop(dd_scp_t *scp) { scp->stopping.store(true); }

extern "C" void dd_scp_free(dd_scp_t *scp) {
  try {
    delete scp;
  } catch (...) {
  }
}


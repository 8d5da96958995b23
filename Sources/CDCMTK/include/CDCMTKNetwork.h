// CDCMTKNetwork — the DICOM network part of the C API over DCMTK (dcmnet, dcmtls).
//
// Same conventions as CDCMTK.h: opaque handles with create/free pairs, `dd_noun_verb` names,
// every `int` result 0 on success and non-zero on failure with `err->message` filled, and no
// C++ exception ever crosses this boundary.
//
// Two objects:
//  - dd_scp_t, a Storage SCP (C-STORE and C-ECHO) that writes every received instance into a
//    spool folder — to a temporary file, fsync'd, renamed, the folder fsync'd — BEFORE it sends
//    the C-STORE response, so nothing is acknowledged that is not safely on disk;
//  - dd_scu_t, a Storage SCU that sends files to one peer over an association it keeps open and
//    renegotiates when a file needs a presentation context it does not have.
#ifndef CDCMTK_NETWORK_H
#define CDCMTK_NETWORK_H

#include "CDCMTK.h"

#ifdef __cplusplus
extern "C" {
#endif

#pragma clang assume_nonnull begin

/// Optional TLS (DCMTK dcmtls, OpenSSL; BCP 195 cipher suites). All paths PEM.
typedef struct dd_tls_config_t {
  int32_t enabled;                          ///< 0: plain TCP, the other fields are ignored
  const char *_Nullable certificate;        ///< our certificate (required for an SCP, optional for an SCU)
  const char *_Nullable private_key;        ///< its private key (unencrypted)
  const char *_Nullable trusted_certificates; ///< a PEM file or a folder of PEM files; peers must present one signed by these
  int32_t require_peer_certificate;         ///< SCP: refuse peers without a trusted certificate (SCUs always verify the server)
} dd_tls_config_t;

// MARK: storage SCP

typedef struct dd_scp_t_ dd_scp_t;

typedef struct dd_scp_config_t {
  const char *ae_title;              ///< our AE title (called AE titles other than this are refused)
  const char *bind_address;          ///< numeric IPv4 address to listen on, e.g. "127.0.0.1" or "0.0.0.0"
  uint16_t port;                     ///< 0 picks a free port (see dd_scp_port)
  const char *spool_directory;       ///< received files are written here, atomically, named `<uuid-ish>.dcm`
  const char *_Nullable const *_Nullable allowed_calling_ae_titles; ///< NULL or empty: any calling AE title
  size_t allowed_calling_ae_title_count;
  uint32_t max_associations;         ///< concurrent associations; further ones are rejected (transient)
  uint32_t acse_timeout_seconds;     ///< association negotiation; also bounds a silent client
  uint32_t dimse_timeout_seconds;    ///< idle time inside an association before it is aborted
  uint32_t max_pdu;                  ///< our maximum receive PDU (4096...131072)
  dd_tls_config_t tls;
} dd_scp_config_t;

typedef enum dd_scp_event_kind_t {
  DD_SCP_ASSOCIATION_ACCEPTED = 0,
  DD_SCP_ASSOCIATION_REJECTED = 1,  ///< calling or called AE title not allowed, or too many associations
  DD_SCP_ECHO = 2,
  DD_SCP_STORED = 3,                ///< `path` is durable on disk; the success response is sent right after
  DD_SCP_STORE_FAILED = 4,          ///< nothing kept; a failure status (or an abort) went to the peer
  DD_SCP_ASSOCIATION_ENDED = 5,
} dd_scp_event_kind_t;

/// Everything is borrowed for the duration of the callback only.
typedef struct dd_scp_event_t {
  int32_t kind;                      ///< a dd_scp_event_kind_t
  const char *calling_ae_title;
  const char *peer;                  ///< the peer's address
  const char *_Nullable path;        ///< DD_SCP_STORED: the spool file
  const char *_Nullable sop_class_uid;
  const char *_Nullable sop_instance_uid;
  const char *_Nullable message;     ///< why, for rejections and failures
} dd_scp_event_t;

/// Called from the SCP's threads (one per association), possibly concurrently. Must not block long.
typedef void (*dd_scp_event_callback_t)(void *_Nullable context, const dd_scp_event_t *event);

/// Opens the listening socket on bind_address:port (so a busy port fails here, not later).
dd_scp_t *_Nullable dd_scp_create(const dd_scp_config_t *config, dd_scp_event_callback_t callback,
                                  void *_Nullable context, dd_error_t *err);
/// The port actually bound.
uint16_t dd_scp_port(dd_scp_t *scp);
/// Accepts associations until dd_scp_stop; each runs on its own thread. Returns after every
/// association thread has finished (bounded by the DIMSE timeout).
int dd_scp_run(dd_scp_t *scp, dd_error_t *err);
/// Asks dd_scp_run to return: no new association is accepted; running ones finish. Thread-safe.
void dd_scp_stop(dd_scp_t *scp);
void dd_scp_free(dd_scp_t *_Nullable scp);

// MARK: storage SCU

typedef struct dd_scu_t_ dd_scu_t;

typedef struct dd_scu_config_t {
  const char *calling_ae_title;
  const char *called_ae_title;
  const char *host;
  uint16_t port;
  uint32_t connect_timeout_seconds;
  uint32_t acse_timeout_seconds;
  uint32_t dimse_timeout_seconds;
  dd_tls_config_t tls;
} dd_scu_config_t;

dd_scu_t *_Nullable dd_scu_create(const dd_scu_config_t *config, dd_error_t *err);
/// C-ECHO on a fresh association.
int dd_scu_echo(dd_scu_t *scu, dd_error_t *err);
/// Sends one Part 10 file with C-STORE over the open association (opening or renegotiating it as
/// needed). Returns 0 when a response arrived; `status` is its DIMSE status (0 success, 0xB000,
/// 0xB007, 0xB006 warnings, anything else a failure the peer reported). Non-zero: nothing is known
/// to have been stored (no association, network error, no presentation context accepted).
int dd_scu_store(dd_scu_t *scu, const char *path, uint16_t *status, dd_error_t *err);
/// Releases the association if one is open (e.g. when idle).
void dd_scu_close(dd_scu_t *scu);
void dd_scu_free(dd_scu_t *_Nullable scu);

#pragma clang assume_nonnull end

#ifdef __cplusplus
}
#endif

#endif

package dev.trent.server.api;

import dev.trent.server.service.AliasService;
import dev.trent.server.service.EncryptionService;
import dev.trent.server.service.KeyService;
import dev.trent.server.service.SigningService;

/** The use cases the operations call. */
public record Services(KeyService keys, AliasService aliases, EncryptionService encryption, SigningService signing) {
}

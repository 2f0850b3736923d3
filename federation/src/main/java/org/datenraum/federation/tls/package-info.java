/** TLS material from keystore files, shared by the broker and its clients. */
package org.datenraum.federation.tls;

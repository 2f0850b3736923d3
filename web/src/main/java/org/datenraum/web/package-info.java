/** The portal: server-rendered pages over the broker's and the node's services. */
package org.datenraum.web;

/** Registry definitions over facts: emergency department, intensive care, imaging and biosample availability, one package per registry. */
package org.datenraum.registry;

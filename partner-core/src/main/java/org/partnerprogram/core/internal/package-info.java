/** Implementation of the use cases. Not for hosts: nothing here is API, and it may change. */
package org.partnerprogram.core.internal;

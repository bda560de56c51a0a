"""PAdES signatures with pyHanko, made with the institution's PKCS#12 certificate (settings)."""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.content import ImportedPdfPage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from common.formats import moment
from reporting.renderers.pdf import ANCHOR, BOX_HEIGHT, BOX_WIDTH, signature_stamp_pdf

logger = logging.getLogger(__name__)

FIELD_NAME = "FirmaMaximaAutoridad"


class SigningUnavailable(Exception):
    """The signing certificate cannot be loaded."""


def certificate_create(*, path: Path, password: str, common_name: str, organization: str) -> None:
    """A self-signed demo certificate and key in a PKCS#12 file (never for production use)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "GT"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"igm-plan",
            key,
            certificate,
            None,
            serialization.BestAvailableEncryption(password.encode()),
        )
    )


def _signer() -> signers.SimpleSigner:
    path = Path(settings.IGM_SIGNING_P12)
    signer = None
    if path.is_file():
        signer = signers.SimpleSigner.load_pkcs12(
            str(path), passphrase=settings.IGM_SIGNING_P12_PASSWORD.encode()
        )
    if signer is None:
        raise SigningUnavailable(
            _("No se pudo cargar el certificado de firma %(path)s (¿existe y la contraseña es correcta?).")
            % {"path": path}
        )
    return signer


def _signature_box(content: bytes) -> tuple[int, tuple[int, int, int, int]]:
    """Page index and rectangle of the report's signature box, from the PDF's named destination."""
    reader = PdfReader(BytesIO(content))
    destination = reader.named_destinations.get(ANCHOR)
    if destination is None:
        page, left, top = len(reader.pages) - 1, 72.0, 72.0 + BOX_HEIGHT
    else:
        page, left, top = reader.get_destination_page_number(destination), destination.left, destination.top
    return page, (int(left), int(top - BOX_HEIGHT), int(left + BOX_WIDTH), int(top))


def sign_pdf(content: bytes, *, signer_name: str, reason: str) -> bytes:
    """Add a PAdES signature with a visible stamp drawn in the signature box."""
    page, box = _signature_box(content)
    writer = IncrementalPdfFileWriter(BytesIO(content), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location="Guatemala",
        name=signer_name,
    )
    output = BytesIO()
    with tempfile.NamedTemporaryFile(suffix=".pdf") as stamp_file:  # pyHanko imports the stamp by name
        stamp_file.write(signature_stamp_pdf(signer_name, moment(timezone.now())))
        stamp_file.flush()
        pdf_signer = signers.PdfSigner(
            metadata,
            signer=_signer(),
            stamp_style=StaticStampStyle(background=ImportedPdfPage(stamp_file.name), border_width=0),
            new_field_spec=fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=page, box=box),
        )
        pdf_signer.sign_pdf(writer, output=output)
    return output.getvalue()


@dataclass(frozen=True)
class SignatureCheck:
    valid: bool
    message: str
    signer: str = ""
    signed_at: datetime | None = None


def signature_verify(content: bytes) -> SignatureCheck:
    """Valid only if the signature is intact, made with the institution's certificate and covers
    the whole file; any changed byte, unknown signer or unreadable file is invalid."""
    trust_root = _signer().signing_cert
    try:
        reader = PdfFileReader(BytesIO(content), strict=False)
        embedded = reader.embedded_signatures
        if not embedded:
            return SignatureCheck(valid=False, message=_("Firma inválida: el PDF no contiene firma digital."))
        status = validate_pdf_signature(embedded[-1], ValidationContext(trust_roots=[trust_root]))
    except Exception as error:  # noqa: BLE001 - a damaged file of any kind is simply "invalid"
        logger.info("PDF signature unreadable: %s", error)
        return SignatureCheck(
            valid=False, message=_("Firma inválida: el archivo está dañado o fue alterado.")
        )
    signer = status.signing_cert.subject.native.get("common_name", "")
    if not status.intact or not status.valid:
        message = _("Firma inválida: el documento fue modificado después de firmarse.")
    elif not status.trusted:
        message = _("Firma inválida: no fue hecha con el certificado de la institución.")
    elif status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        message = _("Firma inválida: se agregó contenido después de la firma.")
    else:
        return SignatureCheck(
            valid=True, message=_("Firma válida."), signer=signer, signed_at=status.signer_reported_dt
        )
    return SignatureCheck(valid=False, message=message, signer=signer, signed_at=status.signer_reported_dt)

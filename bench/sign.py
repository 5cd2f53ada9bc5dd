#!/usr/bin/env python3
"""Prints the SigV4 headers (Authorization, X-Amz-Date) of one KMS request, one per line as NAME: VALUE.

Usage: sign.py URL TARGET BODY. Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, the Region
from AWS_REGION (default us-east-1). A signature stays valid for five minutes, so wrk can send the same signed
request over and over for a measurement that short.
"""
import os
import sys

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

url, target, body = sys.argv[1:4]
request = AWSRequest(method="POST", url=url, data=body.encode(), headers={
    "Content-Type": "application/x-amz-json-1.1",
    "X-Amz-Target": "TrentService." + target,
})
credentials = Credentials(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
SigV4Auth(credentials, "kms", os.environ.get("AWS_REGION", "us-east-1")).add_auth(request)
for name in ("Authorization", "X-Amz-Date"):
    print(name + ": " + request.headers[name])

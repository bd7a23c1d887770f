#!/usr/bin/python3
"""FastAPI + uvicorn + PyTorch peer for tests/bench/bench_http.sh: serves one TorchScript file on the
same KServe v2 route as ModelDesk (POST /v2/models/{name}/infer, JSON tensors), written the way a
FastAPI user would: parse the JSON, build a tensor, forward under inference_mode, answer JSON.

    /usr/bin/python3 tests/bench/fastapi_peer.py --model mlp.pt --port 8081 [--threads 1]
"""
import argparse

import torch
import uvicorn
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

DTYPES = {"FP32": torch.float32, "FP64": torch.float64, "INT64": torch.int64, "INT32": torch.int32}


def make_app(model_path: str, name: str) -> FastAPI:
    module = torch.jit.load(model_path)
    module.eval()
    app = FastAPI()

    @app.get("/v2/health/ready")
    def ready():
        return {"ready": True}

    @app.post("/v2/models/{model}/infer")
    async def infer(model: str, request: Request):
        if model != name:
            raise HTTPException(status_code=404, detail=f"unknown model '{model}'")
        body = await request.json()
        try:
            inp = body["inputs"][0]
            x = torch.tensor(inp["data"], dtype=DTYPES[inp["datatype"]]).reshape(inp["shape"])
        except (KeyError, IndexError, TypeError, ValueError, RuntimeError) as e:
            raise HTTPException(status_code=400, detail=str(e))
        with torch.inference_mode():
            y = module(x)
        out = {"model_name": name, "model_version": "1",
               "outputs": [{"name": "output__0", "datatype": "FP32", "shape": list(y.shape),
                            "data": y.flatten().tolist()}]}
        if "id" in body:
            out["id"] = body["id"]
        return JSONResponse(out)

    return app


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--name", default="mlp")
    ap.add_argument("--port", type=int, default=8081)
    ap.add_argument("--threads", type=int, default=1, help="torch intra-op threads")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    uvicorn.run(make_app(args.model, args.name), host="127.0.0.1", port=args.port, log_level="warning",
                access_log=False)


if __name__ == "__main__":
    main()
